package postern.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The DKIM public key of a domain, as the TXT record to publish.
 *
 * @param domain the mail domain
 * @param selector maddy's selector, {@code default}
 * @param value the record's text, e.g. {@code v=DKIM1; k=rsa; p=MIIB...}
 */
public record DkimRecord(String domain, String selector, String value) {

	/** The longest character-string a TXT record holds. */
	static final int MAX_STRING = 255;

	/**
	 * Where the record goes.
	 * @return e.g. {@code default._domainkey.xoyize.xyz}
	 */
	public String name() {
		return this.selector + "._domainkey." + this.domain;
	}

	/**
	 * The value cut into strings of at most 255 bytes, as DNS stores it.
	 * @return the strings, joined they give the value
	 */
	public List<String> strings() {
		List<String> strings = new ArrayList<>();
		byte[] bytes = this.value.getBytes(StandardCharsets.US_ASCII);
		for (int start = 0; start < bytes.length; start += MAX_STRING) {
			strings
				.add(new String(bytes, start, Math.min(MAX_STRING, bytes.length - start), StandardCharsets.US_ASCII));
		}
		return strings;
	}

	/**
	 * The value as a zone file writes it.
	 * @return the quoted strings, separated by blanks
	 */
	public String zoneValue() {
		return String.join(" ", strings().stream().map((string) -> "\"" + string + "\"").toList());
	}

}
