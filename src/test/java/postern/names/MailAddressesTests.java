package postern.names;

import java.util.List;

import org.junit.jupiter.api.Test;

import postern.host.Argument;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One rule for a local part: an address may end with {@code -}, {@code _} or {@code +} as
 * it always could, a mailbox's is the same without {@code +} and ends with a letter or a
 * digit, and the command catalogue accepts exactly the mailbox addresses the forms make.
 */
class MailAddressesTests {

	private static final List<String> LOCAL_PARTS = List.of("a", "alice", "jean.dupont", "x-y_z.9", "a+tag", "a+", "a-",
			"a_", ".a", "a.", "a..b", "-a", "+a", "A", "a b", "a:b", "\u0430dmin", "x".repeat(64), "x".repeat(65), "");

	@Test
	void aMailboxLocalPartIsALocalPartWithoutPlusEndingWithALetterOrDigit() {
		for (String localPart : LOCAL_PARTS) {
			assertThat(Addresses.isLocalPart(localPart)).as(localPart)
				.isEqualTo(MailAddresses.isValidLocalPart(localPart) && !localPart.contains("+")
						&& !localPart.endsWith("-") && !localPart.endsWith("_"));
		}
	}

	@Test
	void localPartsStartWithALetterOrDigitEndWithAnythingButADotAndHaveNoDoubleDot() {
		assertThat(LOCAL_PARTS.stream().filter(MailAddresses::isValidLocalPart)).containsExactly("a", "alice",
				"jean.dupont", "x-y_z.9", "a+tag", "a+", "a-", "a_", "x".repeat(64));
	}

	@Test
	void anAliasAddressMayEndItsLocalPartWithDashUnderscoreOrPlus() {
		assertThat(MailAddresses.normalize("Sales-@Exemple.fr")).contains("sales-@exemple.fr");
		assertThat(MailAddresses.normalize("sales_@exemple.fr")).contains("sales_@exemple.fr");
		assertThat(MailAddresses.normalize("sales+@exemple.fr")).contains("sales+@exemple.fr");
		assertThat(MailAddresses.parseList("a-@exemple.fr, b_@exemple.fr", 5))
			.contains(List.of("a-@exemple.fr", "b_@exemple.fr"));
	}

	@Test
	void aLocalPartEndingWithADotOrHavingADoubleDotIsRefused() {
		assertThat(MailAddresses.normalize("sales.@exemple.fr")).isEmpty();
		assertThat(MailAddresses.normalize("sa..les@exemple.fr")).isEmpty();
		assertThat(MailAddresses.normalize("-sales@exemple.fr")).isEmpty();
		assertThat(MailAddresses.normalize("x".repeat(64) + "-@exemple.fr")).isEmpty();
	}

	@Test
	void aMailboxLocalPartMayNotEndWithDashOrUnderscore() {
		assertThat(Addresses.address("sales-", "exemple.fr")).isEmpty();
		assertThat(Addresses.address("sales_", "exemple.fr")).isEmpty();
		assertThat(Addresses.address("sales+", "exemple.fr")).isEmpty();
		assertThat(Addresses.address("Sales-Team", "exemple.fr")).contains("sales-team@exemple.fr");
	}

	@Test
	void theCatalogueStillRefusesALeadingDashOrSlashAndAcceptsASlashInside() {
		assertThat(Argument.MAILBOX.accepts("-a@exemple.fr")).isFalse();
		assertThat(Argument.MAILBOX.accepts("/a@exemple.fr")).isFalse();
		assertThat(Argument.MAILBOX.accepts("a/@exemple.fr")).isFalse();
		assertThat(Argument.MAILBOX.accepts("a+b@exemple.fr")).isFalse();
		assertThat(Argument.MAILBOX.accepts("a/b@exemple.fr")).isTrue();
	}

	@Test
	void theCatalogueAcceptsTheMailboxAddressesTheFormsMake() {
		for (String localPart : LOCAL_PARTS) {
			String address = localPart + "@xoyize.xyz";
			assertThat(Argument.MAILBOX.accepts(address)).as(address)
				.isEqualTo(Addresses.address(localPart, "xoyize.xyz").filter(address::equals).isPresent());
		}
	}

}
