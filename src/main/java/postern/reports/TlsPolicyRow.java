package postern.reports;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Table;

import postern.infrastructure.StoredRowListener;

/**
 * The sessions of one policy in a TLS report.
 */
@Entity
@EntityListeners(StoredRowListener.class)
@Table(name = "report_tls_policy")
public class TlsPolicyRow extends ReportRow {

	@Column(name = "policy_type", nullable = false)
	private String policyType;

	@Column(nullable = false)
	private long successful;

	@Column(nullable = false)
	private long failed;

	protected TlsPolicyRow() {
	}

	TlsPolicyRow(Long reportRef, LocalDate day, TlsReport.Policy policy) {
		super(reportRef, policy.domain(), day);
		this.policyType = policy.type();
		this.successful = policy.successful();
		this.failed = policy.failed();
	}

	public String getPolicyType() {
		return this.policyType;
	}

	public long getSuccessful() {
		return this.successful;
	}

	public long getFailed() {
		return this.failed;
	}

}
