package postern.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each report once, per reporter and report id, and says what a new one brings: a
 * source failing DMARC that no earlier report of the domain named, and every TLS failure.
 */
@Service
public class ReportStore {

	private final StoredReportRepository reports;

	private final DmarcRowRepository dmarcRows;

	private final TlsPolicyRowRepository tlsPolicies;

	private final TlsFailureRowRepository tlsFailures;

	ReportStore(StoredReportRepository reports, DmarcRowRepository dmarcRows, TlsPolicyRowRepository tlsPolicies,
			TlsFailureRowRepository tlsFailures) {
		this.reports = reports;
		this.dmarcRows = dmarcRows;
		this.tlsPolicies = tlsPolicies;
		this.tlsFailures = tlsFailures;
	}

	/**
	 * Store a report unless it is stored already.
	 * @param report the report
	 * @param receivedAt when it was fetched
	 * @return whether it was new, and the alerts it calls for
	 */
	@Transactional
	public Stored store(ParsedReport report, Instant receivedAt) {
		if (this.reports.existsByReporterAndReportId(report.reporter(), report.reportId())) {
			return new Stored(false, List.of());
		}
		StoredReport saved = this.reports.save(new StoredReport(report, receivedAt));
		LocalDate day = LocalDate.ofInstant(report.begin(), ZoneOffset.UTC);
		List<ReportAlert> alerts = (report instanceof DmarcReport dmarc) ? storeDmarc(saved.getId(), day, dmarc)
				: storeTls(saved.getId(), day, (TlsReport) report);
		return new Stored(true, alerts);
	}

	private List<ReportAlert> storeDmarc(Long id, LocalDate day, DmarcReport report) {
		// sources failing for the first time, asked before this report's rows exist
		Map<String, Long> newFailing = new LinkedHashMap<>();
		for (DmarcReport.Row row : report.rows()) {
			if (!row.passes() && (newFailing.containsKey(row.sourceIp())
					|| !this.dmarcRows.existsByDomainAndSourceIp(report.domain(), row.sourceIp()))) {
				newFailing.merge(row.sourceIp(), row.count(), Long::sum);
			}
		}
		this.dmarcRows
			.saveAll(report.rows().stream().map((row) -> new DmarcRow(id, report.domain(), day, row)).toList());
		List<ReportAlert> alerts = new ArrayList<>();
		newFailing.forEach((ip, count) -> alerts
			.add(new ReportAlert("reports.alert.new-failing-source", report.domain(), ip, count, report.reporter())));
		return alerts;
	}

	private List<ReportAlert> storeTls(Long id, LocalDate day, TlsReport report) {
		List<ReportAlert> alerts = new ArrayList<>();
		for (TlsReport.Policy policy : report.policies()) {
			this.tlsPolicies.save(new TlsPolicyRow(id, day, policy));
			for (TlsReport.Failure failure : policy.failures()) {
				this.tlsFailures.save(new TlsFailureRow(id, policy.domain(), day, failure));
				alerts.add(new ReportAlert("reports.alert.tls-failure", policy.domain(), failure.sessions(),
						failure.resultType(), failure.sendingMta(), failure.receivingMx(), report.reporter()));
			}
			if (policy.failures().isEmpty() && policy.failed() > 0) {
				alerts.add(new ReportAlert("reports.alert.tls-failure-total", policy.domain(), policy.failed(),
						report.reporter()));
			}
		}
		return alerts;
	}

	/**
	 * The result of storing a report.
	 *
	 * @param isNew whether it was not stored before
	 * @param alerts what it brings that the admin should hear of
	 */
	public record Stored(boolean isNew, List<ReportAlert> alerts) {
	}

}
