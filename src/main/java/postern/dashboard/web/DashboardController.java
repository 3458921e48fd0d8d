package postern.dashboard.web;

import postern.audit.AuditLog;
import postern.change.ChangeService;
import postern.dashboard.Dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The landing page. Every card that runs a command or reads the server comes in its own
 * request, so a slow {@code systemctl} never holds up the page.
 */
@Controller
class DashboardController {

	static final String VIEW = "dashboard/index";

	static final String UNITS_FRAGMENT = "dashboard/units :: units";

	static final String CERTIFICATES_FRAGMENT = "dashboard/certificates :: certificates";

	static final String COUNTS_FRAGMENT = "dashboard/counts :: counts";

	static final int RECENT_EVENTS = 10;

	private final Dashboard dashboard;

	private final AuditLog auditLog;

	private final ChangeService changes;

	DashboardController(Dashboard dashboard, AuditLog auditLog, ChangeService changes) {
		this.dashboard = dashboard;
		this.auditLog = auditLog;
		this.changes = changes;
	}

	@GetMapping("/")
	String dashboard(Model model) {
		model.addAttribute("interrupted", this.changes.interrupted());
		model.addAttribute("things", this.dashboard.things());
		model.addAttribute("events", this.auditLog.latest(RECENT_EVENTS));
		model.addAttribute("hasCounts", this.dashboard.hasCounts());
		model.addAttribute("cards", this.dashboard.cards());
		return VIEW;
	}

	@GetMapping("/dashboard/units")
	String units(Model model) {
		model.addAttribute("units", this.dashboard.units());
		return UNITS_FRAGMENT;
	}

	@GetMapping("/dashboard/certificates")
	String certificates(Model model) {
		model.addAttribute("report", this.dashboard.certificates());
		return CERTIFICATES_FRAGMENT;
	}

	@GetMapping("/dashboard/counts")
	String counts(Model model) {
		model.addAttribute("counts", this.dashboard.counts());
		return COUNTS_FRAGMENT;
	}

}
