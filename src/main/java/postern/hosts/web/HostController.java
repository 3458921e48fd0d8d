package postern.hosts.web;

import jakarta.validation.Valid;

import postern.host.HostException;
import postern.host.ServerSettings;
import postern.hosts.ConnectionReport;
import postern.hosts.ManagedHosts;
import postern.hosts.RemoteHost;
import postern.infrastructure.EditMode;
import postern.infrastructure.FlashMessage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The managed hosts: the list (the local machine first), adding and changing a remote
 * host, confirming its host key, testing its connection, removing it, and the switcher.
 */
@Controller
class HostController {

	static final String LIST_VIEW = "hosts/list";

	static final String FORM_VIEW = "hosts/form";

	static final String TRUST_VIEW = "hosts/trust";

	static final String TEST_VIEW = "hosts/test";

	private final ManagedHosts hosts;

	HostController(ManagedHosts hosts) {
		this.hosts = hosts;
	}

	/**
	 * The application's settings, shown as the placeholders of the server's own.
	 */
	@ModelAttribute("defaults")
	ServerSettings application() {
		return this.hosts.applicationSettings();
	}

	@GetMapping("/hosts")
	String list(Model model) {
		model.addAttribute("localName", this.hosts.localName());
		model.addAttribute("remotes", this.hosts.remotes());
		return LIST_VIEW;
	}

	@GetMapping("/hosts/new")
	String newHost(Model model) {
		model.addAttribute("form", new HostForm());
		model.addAttribute("editMode", EditMode.CREATE);
		return FORM_VIEW;
	}

	/**
	 * Postern reads the server's host key once, without logging in, and asks the admin to
	 * confirm its fingerprint before the host is used.
	 */
	@PostMapping("/hosts/new")
	String create(@Valid @ModelAttribute("form") HostForm form, BindingResult result, Model model,
			RedirectAttributes attributes) {
		model.addAttribute("editMode", EditMode.CREATE);
		rejectProblems(form, null, result);
		if (result.hasErrors()) {
			return FORM_VIEW;
		}
		RemoteHost host;
		try {
			host = this.hosts.add(form.toParameters(), form.passphraseChars());
		}
		catch (HostException ex) {
			result.rejectValue("address", "hosts.error.unreachable", new Object[] { ex.getMessage() }, null);
			return FORM_VIEW;
		}
		attributes.addAttribute("id", host.getKey());
		return "redirect:/hosts/{id}/trust";
	}

	@GetMapping("/hosts/{id}/edit")
	String edit(@PathVariable String id, Model model) {
		RemoteHost host = this.hosts.find(id);
		model.addAttribute("host", host);
		model.addAttribute("form", HostForm.from(host));
		model.addAttribute("editMode", EditMode.UPDATE);
		return FORM_VIEW;
	}

	@PostMapping("/hosts/{id}/edit")
	String update(@PathVariable String id, @Valid @ModelAttribute("form") HostForm form, BindingResult result,
			Model model, RedirectAttributes attributes) {
		RemoteHost host = this.hosts.find(id);
		model.addAttribute("host", host);
		model.addAttribute("editMode", EditMode.UPDATE);
		rejectProblems(form, id, result);
		if (result.hasErrors()) {
			return FORM_VIEW;
		}
		RemoteHost updated;
		try {
			updated = this.hosts.update(id, form.toParameters(), form.passphraseChars());
		}
		catch (HostException ex) {
			result.rejectValue("address", "hosts.error.unreachable", new Object[] { ex.getMessage() }, null);
			return FORM_VIEW;
		}
		if (!updated.isTrusted()) {
			attributes.addAttribute("id", updated.getKey());
			return "redirect:/hosts/{id}/trust";
		}
		FlashMessage.success(attributes, "hosts.updated", updated.getName());
		return "redirect:/hosts";
	}

	@GetMapping("/hosts/{id}/trust")
	String trustPage(@PathVariable String id, Model model) {
		model.addAttribute("host", this.hosts.find(id));
		return TRUST_VIEW;
	}

	/**
	 * The admin confirms the fingerprint shown; it must still be the one the server
	 * offered, so a page left open while the host changed confirms nothing.
	 */
	@PostMapping("/hosts/{id}/trust")
	String trust(@PathVariable String id, @RequestParam(name = "fingerprint", defaultValue = "") String fingerprint,
			RedirectAttributes attributes) {
		RemoteHost host = this.hosts.find(id);
		if (!this.hosts.trust(id, fingerprint)) {
			attributes.addAttribute("id", host.getKey());
			FlashMessage.error(attributes, "hosts.trust.mismatch", host.getName());
			return "redirect:/hosts/{id}/trust";
		}
		FlashMessage.success(attributes, "hosts.trusted", host.getName());
		return "redirect:/hosts";
	}

	@PostMapping("/hosts/{id}/test")
	String test(@PathVariable String id, Model model) {
		RemoteHost host = this.hosts.find(id);
		ConnectionReport report = this.hosts.check(id);
		model.addAttribute("host", host);
		model.addAttribute("report", report);
		return TEST_VIEW;
	}

	@PostMapping("/hosts/{id}/delete")
	String delete(@PathVariable String id, RedirectAttributes attributes) {
		RemoteHost removed = this.hosts.remove(id);
		FlashMessage.success(attributes, "hosts.removed", removed.getName());
		return "redirect:/hosts";
	}

	@PostMapping("/hosts/select")
	String select(@RequestParam(name = "host", defaultValue = "") String id, RedirectAttributes attributes) {
		if (!this.hosts.select(id)) {
			FlashMessage.error(attributes, "hosts.select.refused");
			return "redirect:/hosts";
		}
		return "redirect:/";
	}

	private void rejectProblems(HostForm form, String id, BindingResult result) {
		String name = result.hasFieldErrors("name") ? null : form.getName().strip();
		this.hosts.problems(name, !HostForm.blank(form.getCaddyReload()), id).forEach((field, code) -> {
			if (!result.hasFieldErrors(field)) {
				result.rejectValue(field, code);
			}
		});
	}

}
