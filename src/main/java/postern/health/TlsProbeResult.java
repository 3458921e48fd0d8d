package postern.health;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What one TLS handshake showed.
 *
 * @param host the name asked for
 * @param port the port
 * @param outcome whether a TLS session was set up
 * @param chain the certificates the server sent, leaf first
 * @param trustProblem why the chain is not trusted, or {@code null}
 * @param protocol e.g. {@code TLSv1.3}
 * @param cipherSuite the suite agreed
 * @param problem why there is no session, or {@code null}
 */
public record TlsProbeResult(String host, int port, Outcome outcome, List<X509Certificate> chain, String trustProblem,
		String protocol, String cipherSuite, String problem) {

	public TlsProbeResult {
		chain = List.copyOf(chain);
	}

	static TlsProbeResult failed(String host, int port, boolean timedOut, String problem) {
		return new TlsProbeResult(host, port, timedOut ? Outcome.TIMED_OUT : Outcome.FAILED, List.of(), null, null,
				null, problem);
	}

	/**
	 * The server's own certificate.
	 * @return the leaf, when a session was set up
	 */
	public Optional<X509Certificate> leaf() {
		return this.chain.isEmpty() ? Optional.empty() : Optional.of(this.chain.get(0));
	}

	/**
	 * The TLSA {@code 3 1 1} data of a certificate: the SHA-256 of its
	 * SubjectPublicKeyInfo.
	 * @param certificate the certificate
	 * @return lower-case hex
	 */
	public static String spkiSha256(X509Certificate certificate) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded()));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Whether a certificate names a host, by its DNS subject alternative names only; a
	 * wildcard stands for the whole leftmost label (RFC 6125).
	 * @param certificate the certificate
	 * @param host the host name
	 * @return {@code true} when one name matches
	 */
	public static boolean names(X509Certificate certificate, String host) {
		return dnsNames(certificate).stream().anyMatch((name) -> matches(name, host));
	}

	static boolean matches(String pattern, String host) {
		String name = pattern.toLowerCase(Locale.ROOT);
		String target = host.toLowerCase(Locale.ROOT);
		if (name.startsWith("*.")) {
			int dot = target.indexOf('.');
			return dot > 0 && target.substring(dot).equals(name.substring(1));
		}
		return name.equals(target);
	}

	/**
	 * The DNS names of a certificate.
	 * @param certificate the certificate
	 * @return the subject alternative names of type DNS
	 */
	public static List<String> dnsNames(X509Certificate certificate) {
		List<String> names = new ArrayList<>();
		try {
			Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
			if (alternatives != null) {
				for (List<?> alternative : alternatives) {
					if (Integer.valueOf(2).equals(alternative.get(0))) {
						names.add(String.valueOf(alternative.get(1)));
					}
				}
			}
		}
		catch (CertificateParsingException ex) {
			// no usable names
		}
		return names;
	}

	/**
	 * Whether a TLS session was set up.
	 */
	public enum Outcome {

		/** The handshake completed. */
		CONNECTED,

		/** The SMTP server offers no STARTTLS. */
		NO_STARTTLS,

		/** No answer in time. */
		TIMED_OUT,

		/** Refused, closed, no STARTTLS, or a failed handshake. */
		FAILED

	}

}
