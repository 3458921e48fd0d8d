package postern.security;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Random bytes from a generator of each thread's own (the JDK's DRBG, seeded by the
 * system), for what every page draws: the mask that makes the CSRF token in a page
 * different at each view. The default generator reads the system's source under one lock
 * for the whole process, and twenty requests at once queued behind it.
 */
final class PerThreadSecureRandom extends SecureRandom {

	private static final long serialVersionUID = 1L;

	private static final ThreadLocal<SecureRandom> GENERATORS = ThreadLocal.withInitial(PerThreadSecureRandom::drbg);

	@Override
	public void nextBytes(byte[] bytes) {
		GENERATORS.get().nextBytes(bytes);
	}

	private static SecureRandom drbg() {
		try {
			return SecureRandom.getInstance("DRBG");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("this JVM has no DRBG generator", ex);
		}
	}

}
