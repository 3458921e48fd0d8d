package postern.mail.web;

/**
 * The change-password form: {@code password} and {@code passwordConfirm}. Their rules are
 * checked by the controller (they depend on the mailbox's local part).
 */
class PasswordFormData {

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
