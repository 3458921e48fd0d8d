package postern.security.web;

import postern.infrastructure.PasswordFormData;

/**
 * The new-admin form: {@code username}, {@code password}, {@code passwordConfirm}. The
 * rules are checked by the controller, since the password's depend on the name.
 */
class NewAdminFormData extends PasswordFormData {

	private String username;

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

}
