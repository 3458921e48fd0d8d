package postern.mail.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The new-mailbox form: {@code localPart}, {@code domain}, {@code password},
 * {@code passwordConfirm}, and the admin's consent to hand kept mail to a new login.
 */
class CreateMailboxFormData {

	@NotBlank(message = "{mailboxes.localPart.required}")
	@Size(max = 64, message = "{mailboxes.localPart.too-long}")
	@Pattern(regexp = "(?!.*\\.\\.)[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?",
			message = "{mailboxes.localPart.invalid}")
	private String localPart;

	@NotBlank(message = "{mailboxes.domain.required}")
	@Size(max = 253, message = "{mailboxes.domain.not-local}")
	private String domain;

	private String password;

	private String passwordConfirm;

	private boolean takeOverKeptMail;

	public String getLocalPart() {
		return this.localPart;
	}

	public void setLocalPart(String localPart) {
		this.localPart = localPart;
	}

	public String getDomain() {
		return this.domain;
	}

	public void setDomain(String domain) {
		this.domain = domain;
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

	public boolean isTakeOverKeptMail() {
		return this.takeOverKeptMail;
	}

	public void setTakeOverKeptMail(boolean takeOverKeptMail) {
		this.takeOverKeptMail = takeOverKeptMail;
	}

}
