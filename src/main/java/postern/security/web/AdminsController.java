package postern.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import postern.infrastructure.FlashMessage;
import postern.infrastructure.PasswordFormData;
import postern.security.Admin;
import postern.security.AdminAccounts;
import postern.security.AdminNotFoundException;
import postern.security.LastAdminException;
import postern.security.LoginCompletion;
import postern.security.PasswordPolicy;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admins of the panel: add, remove (never the last one), and help another admin back
 * in (new password, second factor reset, lift a lock). An admin's own password and second
 * factor are changed on the account page, where the current password is asked.
 */
@Controller
class AdminsController {

	static final String LIST_VIEW = "security/admins";

	static final String NEW_VIEW = "security/admin-new";

	static final String PASSWORD_VIEW = "security/admin-password";

	static final String DELETE_VIEW = "security/admin-delete";

	private static final String TO_LIST = "redirect:/admins";

	private final AdminAccounts accounts;

	private final PasswordPolicy policy;

	private final LoginCompletion completion;

	AdminsController(AdminAccounts accounts, PasswordPolicy policy, LoginCompletion completion) {
		this.accounts = accounts;
		this.policy = policy;
		this.completion = completion;
	}

	@GetMapping("/admins")
	String list(Model model) {
		model.addAttribute("admins", this.accounts.list());
		model.addAttribute("now", this.accounts.now());
		return LIST_VIEW;
	}

	@GetMapping("/admins/new")
	String newForm(Model model) {
		model.addAttribute("form", new NewAdminFormData());
		return NEW_VIEW;
	}

	@PostMapping("/admins/new")
	String create(@ModelAttribute("form") NewAdminFormData form, BindingResult result, RedirectAttributes attributes) {
		String username = form.getUsername();
		if (!UsernameRules.isValid(username)) {
			result.rejectValue("username", "security.username.invalid");
		}
		else if (this.accounts.find(username).isPresent()) {
			result.rejectValue("username", "security.username.taken");
		}
		PasswordChecks.check(this.policy, username, form.getPassword(), form.getPasswordConfirm(), "password",
				"passwordConfirm", result);
		if (result.hasErrors()) {
			return NEW_VIEW;
		}
		this.accounts.create(username, form.getPassword());
		FlashMessage.success(attributes, "security.admins.created", username);
		return TO_LIST;
	}

	@GetMapping("/admins/{username}/password")
	String passwordForm(@PathVariable String username, Authentication authentication, Model model) {
		if (isSelf(username, authentication)) {
			return "redirect:/account";
		}
		model.addAttribute("admin", existing(username));
		model.addAttribute("form", new PasswordFormData());
		return PASSWORD_VIEW;
	}

	@PostMapping("/admins/{username}/password")
	String resetPassword(@PathVariable String username, @ModelAttribute("form") PasswordFormData form,
			BindingResult result, Authentication authentication, Model model, RedirectAttributes attributes) {
		if (isSelf(username, authentication)) {
			return "redirect:/account";
		}
		Admin admin = existing(username);
		PasswordChecks.check(this.policy, username, form.getPassword(), form.getPasswordConfirm(), "password",
				"passwordConfirm", result);
		if (result.hasErrors()) {
			model.addAttribute("admin", admin);
			return PASSWORD_VIEW;
		}
		this.accounts.resetPassword(username, form.getPassword());
		FlashMessage.success(attributes, "security.admins.password-reset", username);
		return TO_LIST;
	}

	@PostMapping("/admins/{username}/unlock")
	String unlock(@PathVariable String username, RedirectAttributes attributes) {
		existing(username);
		this.accounts.unlock(username);
		FlashMessage.success(attributes, "security.admins.unlocked", username);
		return TO_LIST;
	}

	@PostMapping("/admins/{username}/totp-reset")
	String resetTotp(@PathVariable String username, Authentication authentication, RedirectAttributes attributes) {
		existing(username);
		if (isSelf(username, authentication)) {
			FlashMessage.error(attributes, "security.admins.self");
			return TO_LIST;
		}
		this.accounts.resetTotp(username);
		FlashMessage.success(attributes, "security.admins.totp-reset", username);
		return TO_LIST;
	}

	@GetMapping("/admins/{username}/delete")
	String deleteForm(@PathVariable String username, Authentication authentication, Model model) {
		model.addAttribute("admin", existing(username));
		model.addAttribute("self", isSelf(username, authentication));
		model.addAttribute("form", new DeleteAdminFormData());
		return DELETE_VIEW;
	}

	@PostMapping("/admins/{username}/delete")
	String delete(@PathVariable String username, @ModelAttribute("form") DeleteAdminFormData form, BindingResult result,
			Authentication authentication, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes attributes) {
		Admin admin = existing(username);
		boolean self = isSelf(username, authentication);
		if (!username.equals(form.getConfirm())) {
			result.rejectValue("confirm", "security.admins.delete.confirm-mismatch");
		}
		else {
			try {
				this.accounts.remove(username);
			}
			catch (LastAdminException ex) {
				result.rejectValue("confirm", "security.admins.delete.last");
			}
		}
		if (result.hasErrors()) {
			model.addAttribute("admin", admin);
			model.addAttribute("self", self);
			return DELETE_VIEW;
		}
		if (self) {
			this.completion.logOut(request, response);
			return "redirect:/login?logout";
		}
		FlashMessage.success(attributes, "security.admins.removed", username);
		return TO_LIST;
	}

	private Admin existing(String username) {
		return this.accounts.find(username).orElseThrow(() -> new AdminNotFoundException(username));
	}

	private static boolean isSelf(String username, Authentication authentication) {
		return authentication.getName().equals(username);
	}

}
