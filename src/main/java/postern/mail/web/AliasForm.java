package postern.mail.web;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import postern.mail.Alias;
import postern.names.MailAddresses;

/**
 * The alias form, for a new alias and for new targets of one.
 */
class AliasForm {

	@NotBlank
	@Size(max = 254)
	@MailAddress
	private String alias;

	@NotBlank
	@Size(max = 5000)
	@AddressList
	private String targets;

	static AliasForm from(Alias alias) {
		AliasForm form = new AliasForm();
		form.setAlias(alias.address());
		form.setTargets(alias.targetList());
		return form;
	}

	public String getAlias() {
		return this.alias;
	}

	public void setAlias(String alias) {
		this.alias = alias;
	}

	public String getTargets() {
		return this.targets;
	}

	public void setTargets(String targets) {
		this.targets = targets;
	}

	/**
	 * The alias in its stored form; call once the form is valid.
	 * @return the lower-case address
	 */
	String storedAlias() {
		return MailAddresses.normalize(this.alias).orElseThrow();
	}

	/**
	 * The targets in their stored form; call once the form is valid.
	 * @return the addresses
	 */
	List<String> storedTargets() {
		return MailAddresses.parseList(this.targets, AddressList.MAX).orElseThrow();
	}

}
