package postern.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mail addresses as Postern writes them in maddy's files and commands: a lower-case local
 * part of plain characters, {@code @}, and a domain in its stored ASCII form. Nothing a
 * file format or a shell gives a meaning to ({@code :}, {@code ,}, {@code #}, quotes,
 * blanks) can appear in one.
 */
public final class MailAddresses {

	/**
	 * A local part in a written address (an alias, a destination): lower-case ASCII
	 * letters, digits, {@code .}, {@code _}, {@code -} and {@code +}, starting with a
	 * letter or a digit and ending with anything but a dot ({@code sales-}, {@code a+}
	 * are addresses maddy delivers), no double dot, at most 64 characters.
	 */
	public static final String LOCAL_PART = localPartPattern("_+-", "_+-");

	/**
	 * A mailbox's local part: {@link #LOCAL_PART} without {@code +}, which maddy's
	 * rewrite strips, so such a mailbox would never receive mail, and ending with a
	 * letter or a digit, as Postern has always created mailboxes.
	 */
	public static final String MAILBOX_LOCAL_PART = localPartPattern("_-", "");

	/**
	 * A domain as it ends a stored address: dot-separated labels (an IDN in punycode),
	 * the last one starting with a letter.
	 */
	public static final String ADDRESS_DOMAIN = "(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?";

	/**
	 * A mailbox address as maddy stores it: {@link #MAILBOX_LOCAL_PART}, {@code @}, and
	 * {@link #ADDRESS_DOMAIN}; 3 to 254 characters in all.
	 */
	public static final String MAILBOX = "(?=.{3,254}$)" + MAILBOX_LOCAL_PART + "@" + ADDRESS_DOMAIN;

	private static final Pattern LOCAL_PART_PATTERN = Pattern.compile(LOCAL_PART);

	private static final Pattern BLANKS_AROUND = Pattern.compile("^ +| +$");

	private MailAddresses() {
	}

	/**
	 * The one rule for a local part, of which every other is a variant: a lower-case
	 * letter or a digit first, then letters, digits, single dots and {@code symbols}, at
	 * most 64 characters, ending with a letter, a digit or one of {@code endSymbols}
	 * (never a dot).
	 * @param symbols the characters besides letters, digits and {@code .} allowed, with
	 * {@code -} last
	 * @param endSymbols those of {@code symbols} a local part may end with, {@code -}
	 * last
	 * @return the pattern, to match a whole local part
	 */
	public static String localPartPattern(String symbols, String endSymbols) {
		return "(?!.*\\.\\.)[a-z0-9](?:[a-z0-9." + symbols + "]{0,62}[a-z0-9" + endSymbols + "])?";
	}

	/**
	 * Whether a local part may be used.
	 * @param localPart the part before the {@code @}, already lower-case
	 * @return {@code true} when it may be written to a file or a command
	 */
	public static boolean isValidLocalPart(String localPart) {
		return localPart != null && LOCAL_PART_PATTERN.matcher(localPart).matches();
	}

	/**
	 * An address an admin typed, in its stored form.
	 * @param input e.g. {@code Info@Exemple.fr}
	 * @return the lower-case address with the domain in ASCII, or empty when it is not a
	 * valid address
	 */
	public static Optional<String> normalize(String input) {
		if (input == null) {
			return Optional.empty();
		}
		int at = input.lastIndexOf('@');
		if (at <= 0 || at != input.indexOf('@')) {
			return Optional.empty();
		}
		String localPart = input.substring(0, at).toLowerCase(Locale.ROOT);
		if (!isValidLocalPart(localPart)) {
			return Optional.empty();
		}
		try {
			return Optional.of(localPart + "@" + DomainNames.toAscii(input.substring(at + 1)));
		}
		catch (InvalidDomainException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Whether an address is already in its stored form.
	 * @param address an address
	 * @return {@code true} when {@link #normalize(String)} keeps it as it is
	 */
	public static boolean isValid(String address) {
		return normalize(address).filter((normalized) -> normalized.equals(address)).isPresent();
	}

	/**
	 * The domain of a stored address.
	 * @param address a valid address
	 * @return the part after the {@code @}
	 */
	public static String domain(String address) {
		return address.substring(address.indexOf('@') + 1);
	}

	/**
	 * The local part of a stored address.
	 * @param address a valid address
	 * @return the part before the {@code @}
	 */
	public static String localPart(String address) {
		return address.substring(0, address.indexOf('@'));
	}

	/**
	 * A comma-separated list of addresses an admin typed, in their stored form.
	 * @param input e.g. {@code yann@xoyize.xyz, Marie@yanfi.net}
	 * @param max the most addresses the list may hold
	 * @return the addresses, or empty when one is not valid, one is there twice, or there
	 * are too many
	 */
	public static Optional<List<String>> parseList(String input, int max) {
		List<String> addresses = new ArrayList<>();
		for (String item : input.split(",", -1)) {
			// Blanks around a comma are for reading; any other white space is refused
			Optional<String> address = normalize(BLANKS_AROUND.matcher(item).replaceAll(""));
			if (address.isEmpty() || addresses.contains(address.get()) || addresses.size() == max) {
				return Optional.empty();
			}
			addresses.add(address.get());
		}
		return Optional.of(List.copyOf(addresses));
	}

}
