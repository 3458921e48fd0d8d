package postern.mail.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import postern.mail.DomainNames;

/**
 * The new-domain form.
 */
class DomainForm {

	@NotBlank
	@Size(max = 253)
	@DomainName
	private String name;

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	/**
	 * The name in its stored form; call once the form is valid.
	 * @return lower-case ASCII
	 */
	String storedName() {
		return DomainNames.toAscii(this.name);
	}

}
