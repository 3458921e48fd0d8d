package postern.mail.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import postern.names.DomainNames;

/**
 * The new-domain form.
 */
class DomainForm {

	@NotBlank
	@Size(max = 253)
	@DomainName
	private String name;

	/** Publish the domain's MTA-STS policy site in the same change. */
	private boolean mtaSts = true;

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public boolean isMtaSts() {
		return this.mtaSts;
	}

	public void setMtaSts(boolean mtaSts) {
		this.mtaSts = mtaSts;
	}

	/**
	 * The name in its stored form; call once the form is valid.
	 * @return lower-case ASCII
	 */
	String storedName() {
		return DomainNames.toAscii(this.name);
	}

}
