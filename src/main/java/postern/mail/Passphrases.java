package postern.mail;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Proposes mailbox passwords: four groups of five letters and digits from an alphabet
 * without look-alikes ({@code 0}/{@code o}, {@code 1}/{@code l}), about 100 bits, easy to
 * read out and type on a phone.
 */
public final class Passphrases {

	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

	private static final SecureRandom random = new SecureRandom();

	private Passphrases() {
	}

	/**
	 * A new passphrase that keeps the mailbox password rules.
	 * @param localPart the mailbox's local part (the passphrase never contains it), or
	 * {@code null}
	 * @return e.g. {@code k7fqm-2xa9d-prtz4-c8hwe}
	 */
	public static String generate(String localPart) {
		while (true) {
			StringBuilder passphrase = new StringBuilder();
			for (int group = 0; group < 4; group++) {
				if (group > 0) {
					passphrase.append('-');
				}
				for (int i = 0; i < 5; i++) {
					passphrase.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
				}
			}
			String candidate = passphrase.toString();
			if (Mailboxes.passwordProblems(candidate, (localPart != null) ? localPart.toLowerCase(Locale.ROOT) : null)
				.isEmpty()) {
				return candidate;
			}
		}
	}

}
