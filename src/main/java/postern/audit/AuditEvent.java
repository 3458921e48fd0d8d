package postern.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/**
 * One entry of the audit log: who did what, when, from where, on which host. Entries are
 * never changed once written.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private Instant at;

	@Column(nullable = false, length = 100)
	private String actor;

	@Column(name = "client_address", length = 100)
	private String clientAddress;

	@Column(name = "host_name", length = 255)
	private String host;

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
		this.at = at;
		this.actor = actor;
		this.clientAddress = clientAddress;
		this.host = host;
		this.action = action;
		this.target = target;
		this.success = success;
		this.detail = detail;
	}

	public Long getId() {
		return this.id;
	}

	public Instant getAt() {
		return this.at;
	}

	public String getActor() {
		return this.actor;
	}

	public String getClientAddress() {
		return this.clientAddress;
	}

	public String getHost() {
		return this.host;
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
