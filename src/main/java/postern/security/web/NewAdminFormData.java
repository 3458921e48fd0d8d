package postern.security.web;

/**
 * The new-admin form: {@code username}, {@code password}, {@code passwordConfirm}. The
 * rules are checked by the controller, since the password's depend on the name.
 */
class NewAdminFormData {

	private String username;

	private String password;

	private String passwordConfirm;

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = username;
	}

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
