package postern.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The second factor against RFC 6238, with codes computed here from the secret by an
 * independent HMAC-SHA1, as an authenticator app does.
 */
class TotpTests {

	/** RFC 6238, appendix B: the SHA-1 seed "12345678901234567890". */
	private static final String RFC_SECRET = new Base32().encodeToString("12345678901234567890".getBytes());

	@Test
	void acceptsTheCodesOfRfc6238AppendixB() {
		// The RFC gives 8 digits; an authenticator shows the last 6.
		assertThat(stepOf(59, "287082")).hasValue(1);
		assertThat(stepOf(1111111109, "081804")).hasValue(37037036);
		assertThat(stepOf(1234567890, "005924")).hasValue(41152263);
		assertThat(stepOf(2000000000, "279037")).hasValue(66666666);
	}

	@Test
	void acceptsTheStepBeforeAndAfterForClockDriftButNoFurther() {
		Totp totp = at(1_700_000_000);
		String secret = totp.newSecret();
		long now = totp.currentStep();
		assertThat(totp.matchingStep(secret, AuthenticatorApp.code(secret, now - 1), null)).hasValue(now - 1);
		assertThat(totp.matchingStep(secret, AuthenticatorApp.code(secret, now + 1), null)).hasValue(now + 1);
		assertThat(totp.matchingStep(secret, AuthenticatorApp.code(secret, now - 2), null)).isEmpty();
		assertThat(totp.matchingStep(secret, AuthenticatorApp.code(secret, now + 2), null)).isEmpty();
	}

	@Test
	void aCodeIsNeverAcceptedTwice() {
		Totp totp = at(1_700_000_000);
		String secret = totp.newSecret();
		long now = totp.currentStep();
		assertThat(totp.matchingStep(secret, AuthenticatorApp.code(secret, now), now)).as("same step again").isEmpty();
		assertThat(totp.matchingStep(secret, AuthenticatorApp.code(secret, now - 1), now)).as("an older step")
			.isEmpty();
		assertThat(totp.matchingStep(secret, AuthenticatorApp.code(secret, now + 1), now)).hasValue(now + 1);
	}

	@Test
	void refusesWhatIsNotSixDigits() {
		Totp totp = at(59);
		assertThat(totp.matchingStep(RFC_SECRET, "28708", null)).isEmpty();
		assertThat(totp.matchingStep(RFC_SECRET, "2870822", null)).isEmpty();
		assertThat(totp.matchingStep(RFC_SECRET, "abcdef", null)).isEmpty();
		assertThat(totp.matchingStep(RFC_SECRET, null, null)).isEmpty();
		assertThat(totp.matchingStep(RFC_SECRET, "287 082", null)).as("spaces are ignored").hasValue(1);
	}

	@Test
	void newSecretsAre160BitsOfBase32AndDiffer() {
		Totp totp = at(0);
		String one = totp.newSecret();
		assertThat(one).matches("[A-Z2-7]{32}");
		assertThat(new Base32().decode(one)).hasSize(20);
		assertThat(totp.newSecret()).isNotEqualTo(one);
	}

	@Test
	void qrCodeIsAPngDataUri() {
		assertThat(at(0).qrCode("alice", RFC_SECRET)).startsWith("data:image/png;base64,iVBOR");
	}

	private static OptionalLong stepOf(long epochSecond, String code) {
		return at(epochSecond).matchingStep(RFC_SECRET, code, null);
	}

	private static Totp at(long epochSecond) {
		return new Totp(Optional.of(Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC)));
	}

}
