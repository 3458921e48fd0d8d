package postern.security.web;

/**
 * Another admin's new password: {@code password} and {@code passwordConfirm}.
 */
class ResetPasswordFormData {

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
