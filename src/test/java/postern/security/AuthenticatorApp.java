package postern.security;

import java.nio.ByteBuffer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

/**
 * What an authenticator app does: codes computed from the secret by an HMAC-SHA1 written
 * here, independent of the one Postern uses.
 */
public final class AuthenticatorApp {

	private AuthenticatorApp() {
	}

	/**
	 * RFC 6238 / RFC 4226: HMAC-SHA1 of the step, dynamic truncation, six digits.
	 * @param secret the base32 secret
	 * @param step the time step
	 * @return the code
	 */
	public static String code(String secret, long step) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(new Base32().decode(secret), "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return String.format("%06d", binary % 1_000_000);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The code an authenticator app shows now.
	 * @param secret the base32 secret
	 * @return the code of the current step
	 */
	public static String codeNow(String secret) {
		return code(secret, Math.floorDiv(System.currentTimeMillis() / 1000, Totp.PERIOD_SECONDS));
	}

}
