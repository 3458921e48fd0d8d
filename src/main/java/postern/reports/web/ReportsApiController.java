package postern.reports.web;

import java.util.HashMap;
import java.util.List;

import postern.api.InvalidApiRequestException;
import postern.reports.DayCount;
import postern.reports.DomainLine;
import postern.reports.ReportDomains;
import postern.reports.ReportViews;
import postern.reports.ReporterCount;
import postern.reports.SourceLine;
import postern.reports.TlsFailureCount;

import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The report figures in the JSON API: every domain, or one domain in detail.
 */
@RestController
@RequestMapping("/api/v1")
class ReportsApiController {

	private final ReportViews views;

	ReportsApiController(ReportViews views) {
		this.views = views;
	}

	/**
	 * The figures of the reports.
	 * @param domain one domain, or empty for every domain
	 * @param days 7 or 30 (the default)
	 * @return the figures
	 */
	@GetMapping("/reports")
	ReportsJson reports(@RequestParam(required = false) String domain, @RequestParam(required = false) Integer days) {
		MapBindingResult errors = new MapBindingResult(new HashMap<>(), "reports");
		if (days != null && !ReportViews.PERIODS.contains(days)) {
			errors.rejectValue("days", "reports.api.days", "days must be 7 or 30");
		}
		String name = null;
		if (domain != null && !domain.isBlank()) {
			name = ReportDomains.normal(domain).orElse(null);
			if (name == null) {
				errors.rejectValue("domain", "reports.api.domain", "domain must be a domain name");
			}
		}
		if (errors.hasErrors()) {
			throw new InvalidApiRequestException(errors);
		}
		int period = ReportViews.period(days);
		if (name == null) {
			return new ReportsJson(period, this.views.domains(period), null);
		}
		ReportViews.DomainReport report = this.views.domain(name, period);
		return new ReportsJson(period, List.of(report.line()),
				new DetailJson(report.sources(), report.reporters(), report.tlsFailures(),
						report.chart()
							.bars()
							.stream()
							.map((bar) -> new DayCount(bar.day(), bar.passing(), bar.failing()))
							.toList()));
	}

	/**
	 * The figures of the reports over a period.
	 *
	 * @param days the period, 7 or 30 days up to today
	 * @param domains each domain's messages, share passing DMARC, failing sources and TLS
	 * sessions
	 * @param detail the one domain asked for in detail, else {@code null}
	 */
	record ReportsJson(int days, List<DomainLine> domains, DetailJson detail) {
	}

	/**
	 * One domain in detail.
	 *
	 * @param sources each source address with its verdicts, the server's own first
	 * @param reporters who sent reports about it
	 * @param tlsFailures failed TLS sessions by result type, sending MTA and MX
	 * @param daily passing and failing messages per day
	 */
	record DetailJson(List<SourceLine> sources, List<ReporterCount> reporters, List<TlsFailureCount> tlsFailures,
			List<DayCount> daily) {
	}

}
