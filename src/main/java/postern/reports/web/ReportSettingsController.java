package postern.reports.web;

import java.util.Optional;

import jakarta.validation.Valid;

import postern.infrastructure.FlashMessage;
import postern.mail.MailboxOutcome;
import postern.reports.MailboxSettings;
import postern.reports.ReportsMailboxSettings;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reports mailbox settings, and the button that creates the mailbox through maddy.
 */
@Controller
class ReportSettingsController {

	private static final String VIEW = "reports/settings";

	private final ReportsMailboxSettings settings;

	ReportSettingsController(ReportsMailboxSettings settings) {
		this.settings = settings;
	}

	@GetMapping("/reports/settings")
	String show(Model model) {
		MailboxSettings current = this.settings.effective();
		MailboxSettingsForm form = new MailboxSettingsForm();
		form.setHost(current.host());
		form.setPort(current.port());
		form.setUsername(current.username());
		form.setFolder(current.folder());
		form.setServerName(current.serverName());
		model.addAttribute("form", form);
		return page(model);
	}

	@PostMapping("/reports/settings")
	String save(@Valid @ModelAttribute("form") MailboxSettingsForm form, BindingResult result, Model model,
			RedirectAttributes attributes) {
		if (form.getPassword().isEmpty() && !this.settings.hasSavedPassword()) {
			result.rejectValue("password", "reports.settings.password-required");
		}
		if (result.hasErrors()) {
			form.setPassword("");
			return page(model);
		}
		this.settings.save(form.getHost(), form.getPort(), form.getUsername(), form.getPassword(), form.getFolder(),
				form.getServerName());
		FlashMessage.success(attributes, "reports.settings.saved");
		return "redirect:/reports/settings";
	}

	@PostMapping("/reports/settings/create-mailbox")
	String createMailbox(RedirectAttributes attributes) {
		Optional<MailboxOutcome> outcome = this.settings.createMailbox();
		if (outcome.isEmpty()) {
			FlashMessage.error(attributes, "reports.settings.no-primary-domain");
		}
		else if (outcome.get().success()) {
			FlashMessage.success(attributes, "reports.settings.mailbox-created", outcome.get().address());
		}
		else {
			FlashMessage.error(attributes, "reports.settings.mailbox-failed", outcome.get().address());
		}
		return "redirect:/reports/settings";
	}

	private String page(Model model) {
		model.addAttribute("passwordSaved", this.settings.hasSavedPassword());
		model.addAttribute("mailboxAddress",
				this.settings.primaryDomain().map((domain) -> "reports@" + domain).orElse(null));
		return VIEW;
	}

}
