package postern.names;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shapes of mailbox addresses Postern creates: a stricter local part than
 * {@link MailAddresses} allows (no {@code +}, which maddy's rewrite strips, so such a
 * mailbox would never receive mail), and a domain in the stored form of
 * {@link DomainNames}.
 */
public final class Addresses {

	private static final Pattern LOCAL_PART = Pattern.compile(MailAddresses.MAILBOX_LOCAL_PART);

	private static final Pattern MAILBOX = Pattern.compile(MailAddresses.MAILBOX);

	private Addresses() {
	}

	/**
	 * Whether a local part has the shape Postern creates mailboxes with: lower-case ASCII
	 * letters, digits, {@code .}, {@code _}, {@code -}; no {@code +} (maddy strips
	 * {@code +tag}s), no leading, trailing or double dot.
	 * @param localPart the part before the {@code @}, already lower-cased
	 * @return {@code true} when it is accepted
	 */
	public static boolean isLocalPart(String localPart) {
		return localPart != null && LOCAL_PART.matcher(localPart).matches();
	}

	/**
	 * A domain as maddy knows it: lower-case ASCII, an IDN in punycode, with the rules of
	 * {@link DomainNames} (no mixed scripts, no look-alikes).
	 * @param input what the admin typed or chose
	 * @return the domain, or empty when it is refused
	 */
	public static Optional<String> domain(String input) {
		try {
			return Optional.of(DomainNames.toAscii(input));
		}
		catch (InvalidDomainException ex) {
			return Optional.empty();
		}
	}

	/**
	 * A full address, when both parts are acceptable.
	 * @param localPart the part before the {@code @}
	 * @param domain the domain, in any form {@link #domain(String)} accepts
	 * @return the lower-case address, or empty
	 */
	public static Optional<String> address(String localPart, String domain) {
		if (localPart == null) {
			return Optional.empty();
		}
		String local = localPart.toLowerCase(Locale.ROOT);
		if (!isLocalPart(local)) {
			return Optional.empty();
		}
		return domain(domain).map((ascii) -> local + "@" + ascii)
			.filter((address) -> MAILBOX.matcher(address).matches());
	}

}
