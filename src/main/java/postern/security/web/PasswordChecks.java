package postern.security.web;

import java.util.Objects;

import postern.security.PasswordPolicy;

import org.springframework.validation.BindingResult;

/**
 * Puts the password rules' problems next to the form's fields.
 */
final class PasswordChecks {

	private PasswordChecks() {
	}

	static void check(PasswordPolicy policy, String username, String password, String confirm, String field,
			String confirmField, BindingResult result) {
		policy.problems(username, password).forEach((key) -> result.rejectValue(field, key));
		if (!result.hasFieldErrors(field) && !Objects.equals(password, confirm)) {
			result.rejectValue(confirmField, "security.password.mismatch");
		}
	}

}
