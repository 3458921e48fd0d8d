package postern.system.web;

import postern.infrastructure.FlashMessage;
import postern.system.CommandOutcome;
import postern.system.Fail2ban;
import postern.system.Fail2banStatus;
import postern.system.Recent;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * fail2ban's jails and bans, and Unban.
 */
@Controller
class Fail2banController {

	static final String VIEW = "services/fail2ban";

	private static final String REDIRECT = "redirect:/services/fail2ban";

	private final Fail2ban fail2ban;

	Fail2banController(Fail2ban fail2ban) {
		this.fail2ban = fail2ban;
	}

	@GetMapping("/services/fail2ban")
	String fail2ban(Model model) {
		Recent<Fail2banStatus> status = this.fail2ban.recentStatus();
		model.addAttribute("fail2ban", status.value());
		model.addAttribute("readSecondsAgo", status.ageSeconds());
		return VIEW;
	}

	@PostMapping("/services/fail2ban/{jail}/unban")
	String unban(@PathVariable String jail, @RequestParam(defaultValue = "") String ip, RedirectAttributes attributes) {
		String address = ip.strip();
		if (!Fail2ban.valid(jail, address) || !this.fail2ban.isJail(jail)) {
			FlashMessage.error(attributes, "fail2ban.flash.invalid", jail, address);
			return REDIRECT;
		}
		CommandOutcome outcome = this.fail2ban.unban(jail, address);
		if (!outcome.ok()) {
			FlashMessage.error(attributes, "fail2ban.flash.failed", address, jail, outcome.exitCode(),
					outcome.output());
		}
		else if ("0".equals(outcome.stdout().strip())) {
			FlashMessage.error(attributes, "fail2ban.flash.not-banned", address, jail);
		}
		else {
			FlashMessage.success(attributes, "fail2ban.flash.unbanned", address, jail);
		}
		return REDIRECT;
	}

}
