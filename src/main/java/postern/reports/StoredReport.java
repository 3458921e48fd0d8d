package postern.reports;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import postern.infrastructure.StoredRowListener;

/**
 * A report as stored: once per reporter and report id.
 */
@Entity
@EntityListeners(StoredRowListener.class)
@Table(name = "report")
public class StoredReport {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 10)
	private String kind;

	@Column(nullable = false)
	private String reporter;

	@Column(name = "report_id", nullable = false)
	private String reportId;

	@Column(name = "begin_at", nullable = false)
	private Instant beginAt;

	@Column(name = "end_at", nullable = false)
	private Instant endAt;

	@Column(name = "received_at", nullable = false)
	private Instant receivedAt;

	protected StoredReport() {
	}

	StoredReport(ParsedReport report, Instant receivedAt) {
		this.kind = (report instanceof DmarcReport) ? "dmarc" : "tls";
		this.reporter = report.reporter();
		this.reportId = report.reportId();
		this.beginAt = report.begin();
		this.endAt = report.end();
		this.receivedAt = receivedAt;
	}

	public Long getId() {
		return this.id;
	}

	public String getKind() {
		return this.kind;
	}

	public String getReporter() {
		return this.reporter;
	}

	public String getReportId() {
		return this.reportId;
	}

	public Instant getBeginAt() {
		return this.beginAt;
	}

	public Instant getEndAt() {
		return this.endAt;
	}

	public Instant getReceivedAt() {
		return this.receivedAt;
	}

}
