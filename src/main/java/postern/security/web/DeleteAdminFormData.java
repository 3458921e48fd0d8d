package postern.security.web;

/**
 * Removing an admin: {@code confirm} must repeat the admin's name.
 */
class DeleteAdminFormData {

	private String confirm;

	public String getConfirm() {
		return this.confirm;
	}

	public void setConfirm(String confirm) {
		this.confirm = confirm;
	}

}
