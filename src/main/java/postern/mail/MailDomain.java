package postern.mail;

import postern.names.DomainNames;

/**
 * A domain maddy receives mail for.
 *
 * @param name its stored ASCII name
 * @param primary whether it is {@code $(primary_domain)}
 */
public record MailDomain(String name, boolean primary) {

	/**
	 * The name as people read it.
	 * @return the Unicode form of an internationalised name, else the name
	 */
	public String displayName() {
		return DomainNames.toUnicode(this.name);
	}

}
