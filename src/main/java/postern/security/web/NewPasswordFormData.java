package postern.security.web;

/**
 * A new admin password typed twice: {@code password} and {@code passwordConfirm}. Used
 * alone to give another admin a new password, and by the new-admin form.
 */
class NewPasswordFormData {

	private String password;

	private String passwordConfirm;

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public String getPasswordConfirm() {
		return this.passwordConfirm;
	}

	public void setPasswordConfirm(String passwordConfirm) {
		this.passwordConfirm = passwordConfirm;
	}

}
