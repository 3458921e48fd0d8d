package postern.names;

import java.util.List;

import org.junit.jupiter.api.Test;

import postern.host.Argument;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One rule for a local part: a mailbox's is the same without {@code +}, and the command
 * catalogue accepts exactly the mailbox addresses the forms make.
 */
class MailAddressesTests {

	private static final List<String> LOCAL_PARTS = List.of("a", "alice", "jean.dupont", "x-y_z.9", "a+tag", "a+", "a-",
			"a_", ".a", "a.", "a..b", "-a", "+a", "A", "a b", "a:b", "\u0430dmin", "x".repeat(64), "x".repeat(65), "");

	@Test
	void aMailboxLocalPartIsALocalPartWithoutPlus() {
		for (String localPart : LOCAL_PARTS) {
			assertThat(Addresses.isLocalPart(localPart)).as(localPart)
				.isEqualTo(MailAddresses.isValidLocalPart(localPart) && !localPart.contains("+"));
		}
	}

	@Test
	void localPartsStartAndEndWithALetterOrDigitAndHaveNoDoubleDot() {
		assertThat(LOCAL_PARTS.stream().filter(MailAddresses::isValidLocalPart)).containsExactly("a", "alice",
				"jean.dupont", "x-y_z.9", "a+tag", "x".repeat(64));
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
