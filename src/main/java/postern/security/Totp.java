package postern.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;

import org.springframework.stereotype.Component;

/**
 * Time-based one-time passwords (RFC 6238): SHA-1, six digits, 30-second steps, the step
 * before and after accepted for clock drift. A code is accepted only for a step later
 * than the last one accepted, so a code seen over a shoulder cannot be replayed.
 */
@Component
public class Totp {

	static final int PERIOD_SECONDS = 30;

	static final int DIGITS = 6;

	static final String ISSUER = "Postern";

	/** 32 base32 characters: a 160-bit secret, as RFC 4226 recommends. */
	private static final int SECRET_CHARACTERS = 32;

	private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(SECRET_CHARACTERS);

	private final CodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

	private final Clock clock;

	Totp(Optional<Clock> clock) {
		this.clock = clock.orElseGet(Clock::systemUTC);
	}

	/**
	 * A new random secret.
	 * @return the secret in base32, as authenticator apps take it
	 */
	public String newSecret() {
		return this.secrets.generate();
	}

	/**
	 * The QR code an authenticator app scans, drawn here: no outside service sees the
	 * secret.
	 * @param account the admin's name
	 * @param secret the secret
	 * @return a {@code data:image/png;base64,…} URI
	 */
	public String qrCode(String account, String secret) {
		QrData data = new QrData.Builder().label(account)
			.secret(secret)
			.issuer(ISSUER)
			.algorithm(HashingAlgorithm.SHA1)
			.digits(DIGITS)
			.period(PERIOD_SECONDS)
			.build();
		ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
		try {
			return Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType());
		}
		catch (QrGenerationException ex) {
			throw new IllegalStateException("Could not draw the QR code", ex);
		}
	}

	/**
	 * The step a code belongs to, if it is right now.
	 * @param secret the secret
	 * @param code what the admin typed
	 * @param lastStep the last step accepted for this secret, or {@code null}
	 * @return the step, when the code matches one after {@code lastStep}
	 */
	OptionalLong matchingStep(String secret, String code, Long lastStep) {
		String typed = (code != null) ? code.replace(" ", "") : "";
		if (!typed.matches("\\d{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		long current = currentStep();
		for (long step = current - 1; step <= current + 1; step++) {
			if ((lastStep == null || step > lastStep) && sameCode(generate(secret, step), typed)) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	long currentStep() {
		return Math.floorDiv(this.clock.millis() / 1000, PERIOD_SECONDS);
	}

	private String generate(String secret, long step) {
		try {
			return this.codes.generate(secret, step);
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException("Could not compute a TOTP code", ex);
		}
	}

	private static boolean sameCode(String expected, String typed) {
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				typed.getBytes(StandardCharsets.US_ASCII));
	}

}
