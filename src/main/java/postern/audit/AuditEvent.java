package postern.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

import postern.infrastructure.StoredRowListener;

/**
 * One entry of the audit log: who did what, when, from where, on which host. Entries are
 * never changed once written.
 */
@Entity
@EntityListeners(StoredRowListener.class)
@Table(name = "audit_event")
public class AuditEvent extends Recorded {

	@Column(nullable = false, length = 100)
	private String action;

	@Column(length = 1000)
	private String target;

	@Column(nullable = false)
	private boolean success;

	@Lob
	@Column(name = "detail")
	private String detail;

	protected AuditEvent() {
	}

	AuditEvent(Instant at, String actor, String clientAddress, String host, String action, String target,
			boolean success, String detail) {
		super(at, actor, clientAddress, host);
		this.action = action;
		this.target = target;
		this.success = success;
		this.detail = detail;
	}

	/**
	 * What happened, as a dotted code whose label is the message
	 * {@code audit.action.<action>}.
	 * @return e.g. {@code login.success}
	 */
	public String getAction() {
		return this.action;
	}

	public String getTarget() {
		return this.target;
	}

	public boolean isSuccess() {
		return this.success;
	}

	public String getDetail() {
		return this.detail;
	}

}
