package postern.host;

import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/**
 * Accepts exactly one host key, named by its SHA-256 fingerprint, and remembers any other
 * key it refused so the caller can say which one was offered.
 */
final class PinnedHostKey implements HostKeyVerifier {

	private final String expected;

	private final AtomicReference<String> refused = new AtomicReference<>();

	/**
	 * A verifier for one key.
	 * @param expected the confirmed fingerprint, or {@code null} to refuse every key
	 * (while only reading the fingerprint of an unknown host)
	 */
	PinnedHostKey(String expected) {
		this.expected = expected;
	}

	/**
	 * The fingerprint of a key as OpenSSH shows it ({@code ssh-keygen -l}): SHA-256 of
	 * the key's wire form, base64 without padding.
	 * @param key a public key
	 * @return e.g. {@code SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s}
	 */
	static String fingerprint(PublicKey key) {
		byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
		return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(FileSnapshot.sha256Digest(blob));
	}

	@Override
	public boolean verify(String hostname, int port, PublicKey key) {
		String offered = fingerprint(key);
		if (offered.equals(this.expected)) {
			return true;
		}
		this.refused.set(offered);
		return false;
	}

	@Override
	public List<String> findExistingAlgorithms(String hostname, int port) {
		return List.of();
	}

	/**
	 * The fingerprint of the key refused last.
	 * @return the fingerprint, or {@code null} when no key was refused
	 */
	String refused() {
		return this.refused.get();
	}

	String expected() {
		return this.expected;
	}

}
