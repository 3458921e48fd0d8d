package postern.mail;

import java.util.List;

import postern.names.Addresses;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shapes of mailbox addresses and passwords, and the proposed passphrases.
 */
class MailboxRulesTests {

	@Test
	void addressesAreLowerCaseWithAsciiDomains() {
		assertThat(Addresses.address("Alice", "XOYIZE.xyz")).contains("alice@xoyize.xyz");
		assertThat(Addresses.address("jean.dupont", "exemple.fr")).contains("jean.dupont@exemple.fr");
		assertThat(Addresses.address("info", "bücher.example")).contains("info@xn--bcher-kva.example");
	}

	@Test
	void hostileAddressesAreRefused() {
		for (String localPart : List.of("a+b", ".a", "a.", "a..b", "a b", "a:b", "$(id)", "-y", "\u0430dmin",
				"x".repeat(65), "")) {
			assertThat(Addresses.address(localPart, "xoyize.xyz")).as(localPart).isEmpty();
		}
		for (String domain : List.of("x\u043eyize.xyz", "xoyize.xyz\n", "../x", "a,b.example", "localhost", "")) {
			assertThat(Addresses.address("alice", domain)).as(domain).isEmpty();
		}
	}

	@Test
	void passwordRulesOfDesign() {
		assertThat(Mailboxes.passwordProblems("a fine passphrase", "alice")).isEmpty();
		assertThat(Mailboxes.passwordProblems("ünïcödé ok 12", "bob")).isEmpty();
		assertThat(Mailboxes.passwordProblems("", "alice")).containsExactly("mailboxes.password.required");
		assertThat(Mailboxes.passwordProblems("123456789", "alice")).containsExactly("mailboxes.password.too-short");
		assertThat(Mailboxes.passwordProblems("é".repeat(37), "alice")).containsExactly("mailboxes.password.too-long");
		assertThat(Mailboxes.passwordProblems("x".repeat(72), "alice")).isEmpty();
		assertThat(Mailboxes.passwordProblems("line one\nline two", "alice"))
			.containsExactly("mailboxes.password.not-printable");
		assertThat(Mailboxes.passwordProblems("with\u0000nul inside", "alice"))
			.containsExactly("mailboxes.password.not-printable");
		assertThat(Mailboxes.passwordProblems("I am ALICE, hello", "alice"))
			.containsExactly("mailboxes.password.contains-name");
	}

	@Test
	void proposedPassphrasesKeepTheRules() {
		for (int i = 0; i < 200; i++) {
			String passphrase = Passphrases.generate("abc");
			assertThat(passphrase).matches("[a-z2-9]{5}(-[a-z2-9]{5}){3}");
			assertThat(Mailboxes.passwordProblems(passphrase, "abc")).isEmpty();
		}
		assertThat(Passphrases.generate(null)).isNotEqualTo(Passphrases.generate(null));
	}

}
