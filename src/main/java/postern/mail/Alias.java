package postern.mail;

import java.util.List;

import postern.names.MailAddresses;

/**
 * An alias: mail for an address goes to its targets instead.
 *
 * @param address the alias, a lower-case full address
 * @param targets where its mail goes, in the order of the file
 * @param line the line of the aliases file it is on (its first line, when maddy merges
 * several)
 */
public record Alias(String address, List<String> targets, int line) {

	public Alias {
		targets = List.copyOf(targets);
	}

	/**
	 * Its targets as the aliases file and the alias form write them.
	 * @return the targets joined by a comma and a space, {@code b@x, c@x}
	 */
	public String targetList() {
		return String.join(", ", this.targets);
	}

	/**
	 * The alias's domain.
	 * @return the part after the {@code @}
	 */
	public String domain() {
		return MailAddresses.domain(this.address);
	}

}
