package postern.security.web;

/**
 * One's own new password: {@code currentPassword}, {@code newPassword},
 * {@code newPasswordConfirm}.
 */
class ChangePasswordFormData {

	private String currentPassword;

	private String newPassword;

	private String newPasswordConfirm;

	public String getCurrentPassword() {
		return this.currentPassword;
	}

	public void setCurrentPassword(String currentPassword) {
		this.currentPassword = currentPassword;
	}

	public String getNewPassword() {
		return this.newPassword;
	}

	public void setNewPassword(String newPassword) {
		this.newPassword = newPassword;
	}

	public String getNewPasswordConfirm() {
		return this.newPasswordConfirm;
	}

	public void setNewPasswordConfirm(String newPasswordConfirm) {
		this.newPasswordConfirm = newPasswordConfirm;
	}

}
