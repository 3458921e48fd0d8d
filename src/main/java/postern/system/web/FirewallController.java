package postern.system.web;

import postern.system.Firewall;
import postern.system.FirewallReport;
import postern.system.Recent;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The firewall, read-only.
 */
@Controller
class FirewallController {

	static final String VIEW = "services/firewall";

	private final Firewall firewall;

	FirewallController(Firewall firewall) {
		this.firewall = firewall;
	}

	@GetMapping("/services/firewall")
	String firewall(Model model) {
		Recent<FirewallReport> report = this.firewall.recentReport();
		model.addAttribute("report", report.value());
		model.addAttribute("readSecondsAgo", report.ageSeconds());
		model.addAttribute("neededPorts", this.firewall.neededPorts());
		return VIEW;
	}

}
