package postern.security.web;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import postern.PosternProperties;
import postern.infrastructure.FlashMessage;
import postern.security.AccountLink;
import postern.security.Admin;
import postern.security.AdminAccounts;
import postern.security.AdminSessions;
import postern.security.LoginCompletion;
import postern.security.PasswordPolicy;
import postern.security.Totp;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The logged-in admin's own account: password, second factor, open sessions, and links
 * that other features add ({@link AccountLink} beans).
 */
@Controller
class AccountController {

	static final String VIEW = "security/account";

	static final String TOTP_VIEW = "security/totp";

	static final String RECOVERY_CODES_VIEW = "security/recovery-codes";

	/** The secret being enrolled, kept in the session until a code confirms it. */
	static final String PENDING_SECRET = AccountController.class.getName() + ".pendingSecret";

	/**
	 * The QR code of the pending secret, kept beside it: drawing it costs far more than
	 * the page around it, and the form is shown again until a code confirms the secret.
	 */
	static final String PENDING_QR_CODE = AccountController.class.getName() + ".pendingQrCode";

	private static final String RECOVERY_CODES = "recoveryCodes";

	private final AdminAccounts accounts;

	private final AdminSessions sessions;

	private final PasswordPolicy policy;

	private final Totp totp;

	private final LoginCompletion completion;

	private final List<AccountLink> links;

	private final boolean requireTotp;

	private final long sessionTimeoutMinutes;

	AccountController(AdminAccounts accounts, AdminSessions sessions, PasswordPolicy policy, Totp totp,
			LoginCompletion completion, List<AccountLink> links, PosternProperties properties) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.policy = policy;
		this.totp = totp;
		this.completion = completion;
		this.links = links.stream().sorted(Comparator.comparingInt(AccountLink::order)).toList();
		this.requireTotp = properties.security().requireTotp();
		this.sessionTimeoutMinutes = properties.security().sessionTimeout().toMinutes();
	}

	@GetMapping("/account")
	String account(Authentication authentication, HttpServletRequest request, Model model) {
		model.addAttribute("form", new ChangePasswordFormData());
		return show(authentication, request, model);
	}

	@PostMapping("/account/password")
	String changePassword(@ModelAttribute("form") ChangePasswordFormData form, BindingResult result,
			Authentication authentication, HttpServletRequest request, Model model, RedirectAttributes attributes) {
		String username = authentication.getName();
		if (form.getCurrentPassword() == null || form.getCurrentPassword().isEmpty()) {
			result.rejectValue("currentPassword", "security.password.required");
		}
		PasswordChecks.check(this.policy, username, form.getNewPassword(), form.getNewPasswordConfirm(), "newPassword",
				"newPasswordConfirm", result);
		if (!result.hasErrors()
				&& !this.accounts.changeOwnPassword(username, form.getCurrentPassword(), form.getNewPassword())) {
			result.rejectValue("currentPassword", "security.password.current-wrong");
		}
		if (result.hasErrors()) {
			return show(authentication, request, model);
		}
		FlashMessage.success(attributes, "security.account.password.changed");
		return "redirect:/account";
	}

	@GetMapping("/account/totp")
	String totpForm(Authentication authentication, HttpSession session, Model model) {
		if (this.accounts.find(authentication.getName()).filter((admin) -> admin.isTotpEnabled()).isPresent()) {
			return "redirect:/account";
		}
		String secret = (String) session.getAttribute(PENDING_SECRET);
		if (secret == null) {
			secret = this.totp.newSecret();
			session.setAttribute(PENDING_SECRET, secret);
		}
		model.addAttribute("secret", secret);
		model.addAttribute("qrCode", qrCode(session, authentication.getName(), secret));
		model.addAttribute("required", this.requireTotp);
		return TOTP_VIEW;
	}

	private String qrCode(HttpSession session, String account, String secret) {
		if (session.getAttribute(PENDING_QR_CODE) instanceof DrawnQrCode drawn && drawn.isFor(account, secret)) {
			return drawn.dataUri();
		}
		String dataUri = this.totp.qrCode(account, secret);
		session.setAttribute(PENDING_QR_CODE, new DrawnQrCode(account, secret, dataUri));
		return dataUri;
	}

	@PostMapping("/account/totp")
	String confirmTotp(@RequestParam(name = "code", defaultValue = "") String code, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes attributes) {
		HttpSession session = request.getSession();
		String secret = (String) session.getAttribute(PENDING_SECRET);
		if (secret == null) {
			return "redirect:/account/totp";
		}
		Optional<List<String>> codes = this.accounts.enableTotp(authentication.getName(), secret, code);
		if (codes.isEmpty()) {
			model.addAttribute("codeError", "security.code.wrong");
			return totpForm(authentication, session, model);
		}
		session.removeAttribute(PENDING_SECRET);
		session.removeAttribute(PENDING_QR_CODE);
		this.completion.addSecondFactor(request, response);
		attributes.addFlashAttribute(RECOVERY_CODES, codes.get());
		return "redirect:/account/totp/recovery-codes";
	}

	/**
	 * The recovery codes, shown once: they come as a flash attribute from the
	 * confirmation, and are not stored anywhere in clear.
	 * @param model the model
	 * @return the page, or the account page when there is nothing to show
	 */
	@GetMapping("/account/totp/recovery-codes")
	String recoveryCodes(Model model) {
		if (!model.containsAttribute(RECOVERY_CODES)) {
			return "redirect:/account";
		}
		return RECOVERY_CODES_VIEW;
	}

	@PostMapping("/account/sessions/end-all")
	String endAllSessions(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		this.accounts.endSessions(authentication.getName());
		this.completion.logOut(request, response);
		return "redirect:/login?logout";
	}

	private String show(Authentication authentication, HttpServletRequest request, Model model) {
		String username = authentication.getName();
		HttpSession session = request.getSession(false);
		Admin admin = this.accounts.find(username).orElseThrow();
		model.addAttribute("admin", admin);
		model.addAttribute("recoveryCodesLeft", this.accounts.recoveryCodesLeft(admin));
		model.addAttribute("sessions", this.sessions.list(username, (session != null) ? session.getId() : null));
		model.addAttribute("links", this.links);
		model.addAttribute("required", this.requireTotp);
		model.addAttribute("sessionTimeoutMinutes", this.sessionTimeoutMinutes);
		return VIEW;
	}

	/**
	 * A QR code and what it was drawn for. Its text never shows the secret, which is in
	 * the picture too.
	 */
	record DrawnQrCode(String account, String secret, String dataUri) implements Serializable {

		boolean isFor(String account, String secret) {
			return this.account.equals(account) && this.secret.equals(secret);
		}

		@Override
		public String toString() {
			return "QR code for " + this.account;
		}

	}

}
