package postern.mail;

import java.net.IDN;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import postern.host.Argument;

/**
 * The shapes of mail domains and local parts Postern accepts. Domains are stored as
 * lower-case ASCII (IDN converted with {@link IDN}); a domain label that mixes scripts,
 * or that is made only of letters that look like Latin ones, is refused.
 */
public final class Addresses {

	/** The longest local part. */
	public static final int MAX_LOCAL_PART = 64;

	private static final Pattern LOCAL_PART = Pattern.compile("(?!.*\\.\\.)[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?");

	private static final Pattern ASCII_LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

	/** Letters of other scripts that read as Latin letters. */
	private static final Map<Integer, Character> LOOK_ALIKES = Map.ofEntries(Map.entry(0x0430, 'a'),
			Map.entry(0x0435, 'e'), Map.entry(0x043E, 'o'), Map.entry(0x0440, 'p'), Map.entry(0x0441, 'c'),
			Map.entry(0x0443, 'y'), Map.entry(0x0445, 'x'), Map.entry(0x0456, 'i'), Map.entry(0x0458, 'j'),
			Map.entry(0x0455, 's'), Map.entry(0x0501, 'd'), Map.entry(0x04BB, 'h'), Map.entry(0x04CF, 'l'),
			Map.entry(0x051B, 'q'), Map.entry(0x051D, 'w'), Map.entry(0x043A, 'k'), Map.entry(0x03BF, 'o'),
			Map.entry(0x03B1, 'a'), Map.entry(0x03BD, 'v'), Map.entry(0x03B9, 'i'), Map.entry(0x03BA, 'k'),
			Map.entry(0x03C1, 'p'), Map.entry(0x03C4, 't'), Map.entry(0x03C5, 'u'), Map.entry(0x03C7, 'x'),
			Map.entry(0x03F2, 'c'), Map.entry(0x0261, 'g'));

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
		return localPart != null && localPart.length() <= MAX_LOCAL_PART && LOCAL_PART.matcher(localPart).matches();
	}

	/**
	 * A domain as maddy knows it: lower-case ASCII, an IDN in punycode.
	 * @param input what the admin typed or chose
	 * @return the domain, or empty when it is not a domain or uses look-alike letters
	 */
	public static Optional<String> domain(String input) {
		if (input == null || input.isEmpty() || input.length() > 253) {
			return Optional.empty();
		}
		String name = input.toLowerCase(Locale.ROOT);
		if (name.endsWith(".")) {
			name = name.substring(0, name.length() - 1);
		}
		String ascii;
		try {
			for (String label : name.split("\\.", -1)) {
				if (!acceptableLabel(label)) {
					return Optional.empty();
				}
			}
			ascii = IDN.toASCII(name, 0).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		String[] labels = ascii.split("\\.", -1);
		if (labels.length < 2 || ascii.length() > 253) {
			return Optional.empty();
		}
		for (String label : labels) {
			if (!ASCII_LABEL.matcher(label).matches()) {
				return Optional.empty();
			}
		}
		if (!Character.isLetter(labels[labels.length - 1].charAt(0))) {
			return Optional.empty();
		}
		return Optional.of(ascii);
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
		return domain(domain).map((ascii) -> local + "@" + ascii).filter(Argument.MAILBOX::accepts);
	}

	private static boolean acceptableLabel(String label) {
		if (label.isEmpty()) {
			return false;
		}
		Character.UnicodeScript script = null;
		boolean allLookAlike = true;
		boolean nonAscii = false;
		for (int i = 0; i < label.length();) {
			int codePoint = label.codePointAt(i);
			i += Character.charCount(codePoint);
			if (codePoint < 0x80) {
				if (!(Character.isLetterOrDigit(codePoint) || codePoint == '-')) {
					return false;
				}
			}
			else {
				nonAscii = true;
				if (!Character.isLetterOrDigit(codePoint)
						&& Character.getType(codePoint) != Character.NON_SPACING_MARK) {
					return false;
				}
				allLookAlike &= LOOK_ALIKES.containsKey(codePoint);
			}
			Character.UnicodeScript current = Character.UnicodeScript.of(codePoint);
			if (current == Character.UnicodeScript.COMMON || current == Character.UnicodeScript.INHERITED) {
				continue;
			}
			if (script != null && script != current) {
				return false;
			}
			script = current;
		}
		return !nonAscii || !allLookAlike;
	}

}
