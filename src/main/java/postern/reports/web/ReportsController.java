package postern.reports.web;

import java.util.Optional;

import postern.infrastructure.FlashMessage;
import postern.reports.FetchOutcome;
import postern.reports.ReportFetcher;
import postern.reports.ReportViews;
import postern.reports.ReportDomainNotFoundException;
import postern.reports.ReportDomains;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The report pages and "Fetch now".
 */
@Controller
class ReportsController {

	private final ReportViews views;

	private final ReportFetcher fetcher;

	ReportsController(ReportViews views, ReportFetcher fetcher) {
		this.views = views;
		this.fetcher = fetcher;
	}

	@GetMapping("/reports")
	String index(@RequestParam(required = false) Integer days, Model model) {
		model.addAttribute("overview", this.views.overview(ReportViews.period(days)));
		model.addAttribute("periods", ReportViews.PERIODS);
		return "reports/index";
	}

	@GetMapping("/reports/{domain}")
	String domain(@PathVariable String domain, @RequestParam(required = false) Integer days, Model model) {
		String name = ReportDomains.normal(domain).orElseThrow(() -> new ReportDomainNotFoundException(domain));
		model.addAttribute("report", this.views.domain(name, ReportViews.period(days)));
		model.addAttribute("periods", ReportViews.PERIODS);
		return "reports/domain";
	}

	@PostMapping("/reports/fetch")
	String fetch(RedirectAttributes attributes) {
		Optional<FetchOutcome> outcome = this.fetcher.fetch();
		if (outcome.isEmpty()) {
			FlashMessage.error(attributes, "reports.fetch.running");
		}
		else if (outcome.get().error() != null) {
			FlashMessage.error(attributes, "reports.fetch.failed", outcome.get().error());
		}
		else {
			FetchOutcome done = outcome.get();
			FlashMessage.success(attributes, "reports.fetch.done", done.reports(), done.duplicates(),
					done.unreadable());
		}
		return "redirect:/reports";
	}

}
