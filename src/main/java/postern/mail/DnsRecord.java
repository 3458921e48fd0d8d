package postern.mail;

/**
 * A DNS record a mail domain needs, as the admin publishes it.
 *
 * @param name the owner name, without the final dot, e.g. {@code _dmarc.xoyize.xyz}
 * @param type {@code MX}, {@code TXT} or {@code CAA}
 * @param value the value as a DNS provider's form takes it (TXT text unquoted)
 * @param zoneValue the value as a zone file writes it (TXT text quoted, cut into 255-byte
 * strings)
 * @param purposeKey the message key saying what the record is for
 */
public record DnsRecord(String name, String type, String value, String zoneValue, String purposeKey) {

	private static final int NAME_COLUMN = 34;

	/**
	 * A TXT record whose text fits in one string.
	 * @param name the owner name
	 * @param text the text
	 * @param purposeKey what it is for
	 * @return the record
	 */
	static DnsRecord txt(String name, String text, String purposeKey) {
		return new DnsRecord(name, "TXT", text, "\"" + text + "\"", purposeKey);
	}

	/**
	 * The record as a line of a BIND zone file.
	 * @return e.g. {@code xoyize.xyz.  3600 IN MX 10 mx1.xoyize.xyz.}
	 */
	public String zoneLine() {
		String owner = this.name + ".";
		return owner + " ".repeat(Math.max(1, NAME_COLUMN - owner.length())) + "3600 IN " + this.type + " "
				+ this.zoneValue;
	}

}
