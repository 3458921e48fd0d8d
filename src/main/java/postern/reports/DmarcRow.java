package postern.reports;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Table;

import postern.infrastructure.StoredRowListener;

/**
 * One record of a DMARC report: messages from one source address with their verdicts.
 */
@Entity
@EntityListeners(StoredRowListener.class)
@Table(name = "report_dmarc_row")
public class DmarcRow extends ReportRow {

	@Column(name = "source_ip", nullable = false, length = 45)
	private String sourceIp;

	@Column(name = "message_count", nullable = false)
	private long messages;

	@Column(nullable = false, length = 20)
	private String disposition;

	@Column(nullable = false, length = 20)
	private String dkim;

	@Column(nullable = false, length = 20)
	private String spf;

	@Column(name = "header_from", nullable = false)
	private String headerFrom;

	@Column(nullable = false)
	private boolean passes;

	protected DmarcRow() {
	}

	DmarcRow(Long reportRef, String domain, LocalDate day, DmarcReport.Row row) {
		super(reportRef, domain, day);
		this.sourceIp = row.sourceIp();
		this.messages = row.count();
		this.disposition = row.disposition();
		this.dkim = row.dkim();
		this.spf = row.spf();
		this.headerFrom = row.headerFrom();
		this.passes = row.passes();
	}

	public String getSourceIp() {
		return this.sourceIp;
	}

	public long getMessages() {
		return this.messages;
	}

	public String getDisposition() {
		return this.disposition;
	}

	public String getDkim() {
		return this.dkim;
	}

	public String getSpf() {
		return this.spf;
	}

	public String getHeaderFrom() {
		return this.headerFrom;
	}

	public boolean isPasses() {
		return this.passes;
	}

}
