package postern.mail.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The delete form: the address typed again ({@code confirm}) and whether the mail is kept
 * ({@code keepMail}, the safe default).
 */
class DeleteMailboxFormData {

	@NotBlank(message = "{mailboxes.delete.confirm.required}")
	@Size(max = 254, message = "{mailboxes.delete.confirm.mismatch}")
	private String confirm;

	private boolean keepMail = true;

	public String getConfirm() {
		return this.confirm;
	}

	public void setConfirm(String confirm) {
		this.confirm = confirm;
	}

	public boolean isKeepMail() {
		return this.keepMail;
	}

	public void setKeepMail(boolean keepMail) {
		this.keepMail = keepMail;
	}

}
