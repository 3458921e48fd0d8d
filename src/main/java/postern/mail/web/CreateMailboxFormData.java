package postern.mail.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import postern.infrastructure.PasswordFormData;

/**
 * The new-mailbox form: {@code localPart}, {@code domain}, the password fields of
 * {@link PasswordFormData}, and the admin's consent to hand kept mail to a new login.
 */
class CreateMailboxFormData extends PasswordFormData {

	@NotBlank(message = "{mailboxes.localPart.required}")
	@Size(max = 64, message = "{mailboxes.localPart.too-long}")
	@Pattern(regexp = "(?!.*\\.\\.)[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?",
			message = "{mailboxes.localPart.invalid}")
	private String localPart;

	@NotBlank(message = "{mailboxes.domain.required}")
	@Size(max = 253, message = "{mailboxes.domain.not-local}")
	private String domain;

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

	public boolean isTakeOverKeptMail() {
		return this.takeOverKeptMail;
	}

	public void setTakeOverKeptMail(boolean takeOverKeptMail) {
		this.takeOverKeptMail = takeOverKeptMail;
	}

}
