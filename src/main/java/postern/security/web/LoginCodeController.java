package postern.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import postern.security.AdminAccounts;
import postern.security.AdminAccounts.SecondFactor;
import postern.security.LoginCompletion;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of a login for an admin with a second factor: field {@code code}, a
 * code from the authenticator app or a recovery code. A wrong code counts as a failed
 * login; when it locks the account, the login starts over.
 */
@Controller
class LoginCodeController {

	static final String VIEW = "security/login-code";

	private final AdminAccounts accounts;

	private final LoginCompletion completion;

	LoginCodeController(AdminAccounts accounts, LoginCompletion completion) {
		this.accounts = accounts;
		this.completion = completion;
	}

	@GetMapping("/login/code")
	String form() {
		return VIEW;
	}

	@PostMapping("/login/code")
	String verify(@RequestParam(name = "code", defaultValue = "") String code, Authentication authentication,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		SecondFactor outcome = this.accounts.checkSecondFactor(authentication.getName(), code);
		if (outcome == SecondFactor.ACCEPTED) {
			return "redirect:" + this.completion.complete(request, response);
		}
		if (outcome == SecondFactor.LOCKED) {
			this.completion.logOut(request, response);
			return "redirect:/login?error";
		}
		model.addAttribute("codeError", "security.code.wrong");
		return VIEW;
	}

}
