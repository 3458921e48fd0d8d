package postern.api.web;

import java.beans.PropertyEditorSupport;
import java.security.Principal;
import java.util.List;

import jakarta.validation.Valid;

import postern.api.ApiScope;
import postern.api.ApiTokens;
import postern.api.ApiTokens.CreatedToken;
import postern.infrastructure.FlashMessage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The logged-in admin's API tokens: list, create (the secret is shown once, on the page
 * right after), revoke.
 */
@Controller
class TokenController {

	static final String VIEW = "api/tokens";

	private static final String CREATED = "createdToken";

	private final ApiTokens tokens;

	TokenController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@ModelAttribute("scopes")
	List<ApiScope> scopes() {
		return List.of(ApiScope.values());
	}

	@GetMapping("/account/tokens")
	String list(Principal admin, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new TokenForm());
		}
		return page(admin, model);
	}

	/**
	 * The README spells scopes in lower case and the enum in upper case: both are read.
	 */
	@InitBinder("form")
	void scopeInEitherCase(WebDataBinder binder) {
		binder.registerCustomEditor(ApiScope.class, new PropertyEditorSupport() {
			@Override
			public void setAsText(String text) {
				setValue(text.isBlank() ? null : ApiScope.of(text));
			}
		});
	}

	@PostMapping("/account/tokens")
	String create(@Valid @ModelAttribute("form") TokenForm form, BindingResult result, Principal admin, Model model,
			RedirectAttributes attributes) {
		if (!result.hasFieldErrors("name") && this.tokens.nameTaken(admin.getName(), form.getName().strip())) {
			result.rejectValue("name", "api.token.name.taken");
		}
		if (result.hasErrors()) {
			return page(admin, model);
		}
		CreatedToken created = this.tokens.create(admin.getName(), form.getName().strip(), form.getScope());
		// A flash attribute lives for exactly the next page: the secret is shown once.
		attributes.addFlashAttribute(CREATED, created);
		return "redirect:/account/tokens";
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revoke(@PathVariable long id, Principal admin, RedirectAttributes attributes) {
		if (this.tokens.revoke(admin.getName(), id)) {
			FlashMessage.success(attributes, "api.token.revoked");
		}
		else {
			FlashMessage.error(attributes, "api.token.not-found");
		}
		return "redirect:/account/tokens";
	}

	private String page(Principal admin, Model model) {
		model.addAttribute("tokens", this.tokens.of(admin.getName()));
		return VIEW;
	}

}
