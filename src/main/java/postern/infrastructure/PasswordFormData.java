package postern.infrastructure;

/**
 * A new password typed twice: {@code password} and {@code passwordConfirm}, for a mailbox
 * or an admin. Their rules belong to each feature's service (a mailbox's depend on its
 * local part, an admin's on the strength estimator); the new-mailbox and new-admin forms
 * extend it.
 */
public class PasswordFormData {

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
