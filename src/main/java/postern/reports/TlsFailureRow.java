package postern.reports;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Table;

import postern.infrastructure.StoredRowListener;

/**
 * Failed TLS sessions of one result type, sending MTA and MX.
 */
@Entity
@EntityListeners(StoredRowListener.class)
@Table(name = "report_tls_failure")
public class TlsFailureRow extends ReportRow {

	@Column(name = "result_type", nullable = false, length = 60)
	private String resultType;

	@Column(name = "sending_mta", nullable = false, length = 45)
	private String sendingMta;

	@Column(name = "receiving_mx", nullable = false)
	private String receivingMx;

	@Column(nullable = false)
	private long sessions;

	protected TlsFailureRow() {
	}

	TlsFailureRow(Long reportRef, String domain, LocalDate day, TlsReport.Failure failure) {
		super(reportRef, domain, day);
		this.resultType = failure.resultType();
		this.sendingMta = failure.sendingMta();
		this.receivingMx = failure.receivingMx();
		this.sessions = failure.sessions();
	}

	public String getResultType() {
		return this.resultType;
	}

	public String getSendingMta() {
		return this.sendingMta;
	}

	public String getReceivingMx() {
		return this.receivingMx;
	}

	public long getSessions() {
		return this.sessions;
	}

}
