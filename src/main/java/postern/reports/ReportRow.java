package postern.reports;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * What every row of a stored report says first: the report it came from, the domain and
 * the day it covers.
 */
@MappedSuperclass
public abstract class ReportRow {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "report_ref", nullable = false)
	private Long reportRef;

	@Column(nullable = false)
	private String domain;

	@Column(name = "report_day", nullable = false)
	private LocalDate day;

	protected ReportRow() {
	}

	ReportRow(Long reportRef, String domain, LocalDate day) {
		this.reportRef = reportRef;
		this.domain = domain;
		this.day = day;
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

}
