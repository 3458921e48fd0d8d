package postern.reports;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The sessions of one policy in a TLS report.
 */
@Entity
@Table(name = "report_tls_policy")
public class TlsPolicyRow {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "report_ref", nullable = false)
	private Long reportRef;

	@Column(nullable = false)
	private String domain;

	@Column(name = "report_day", nullable = false)
	private LocalDate day;

	@Column(name = "policy_type", nullable = false)
	private String policyType;

	@Column(nullable = false)
	private long successful;

	@Column(nullable = false)
	private long failed;

	protected TlsPolicyRow() {
	}

	TlsPolicyRow(Long reportRef, LocalDate day, TlsReport.Policy policy) {
		this.reportRef = reportRef;
		this.domain = policy.domain();
		this.day = day;
		this.policyType = policy.type();
		this.successful = policy.successful();
		this.failed = policy.failed();
	}

	public Long getReportRef() {
		return this.reportRef;
	}

	public String getDomain() {
		return this.domain;
	}

	public LocalDate getDay() {
		return this.day;
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
