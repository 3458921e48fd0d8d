package postern.health;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Whether a certificate chain is trusted: by the JDK's trust store, or by the extra CAs
 * of {@code postern.health.trust-store} (a PEM file or a PKCS12 store).
 */
public final class TlsTrust {

	private final List<X509TrustManager> managers;

	/**
	 * A trust from managers, tried in order until one accepts a chain.
	 * @param managers the managers
	 */
	TlsTrust(List<X509TrustManager> managers) {
		this.managers = managers;
	}

	/**
	 * The JDK's trust store, plus the CAs of a file.
	 * @param extra a PEM or PKCS12 file, or {@code null}
	 * @return the trust
	 */
	public static TlsTrust withExtra(Path extra) {
		List<X509TrustManager> managers = new ArrayList<>();
		if (extra != null) {
			managers.add(managerOf(extra));
		}
		managers.add(manager(null));
		return new TlsTrust(managers);
	}

	/**
	 * Check a chain.
	 * @param chain the chain the server sent, leaf first
	 * @param authType the key exchange of the handshake
	 * @return {@code null} when trusted, else why not
	 */
	public String problem(X509Certificate[] chain, String authType) {
		String problem = null;
		for (X509TrustManager manager : this.managers) {
			try {
				manager.checkServerTrusted(chain, authType);
				return null;
			}
			catch (CertificateException | RuntimeException ex) {
				if (problem == null) {
					problem = ex.getMessage();
				}
			}
		}
		return problem;
	}

	/**
	 * The trust manager of the CAs of a file, alone.
	 * @param file a PEM or PKCS12 file
	 * @return its manager
	 */
	static X509TrustManager managerOf(Path file) {
		return manager(load(file));
	}

	private static X509TrustManager manager(KeyStore store) {
		try {
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(store);
			for (TrustManager manager : factory.getTrustManagers()) {
				if (manager instanceof X509TrustManager x509) {
					return x509;
				}
			}
			throw new IllegalStateException("No X509TrustManager");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyStore load(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
			if (name.endsWith(".p12") || name.endsWith(".pfx") || name.endsWith(".pkcs12")) {
				KeyStore store = KeyStore.getInstance("PKCS12");
				store.load(in, new char[0]);
				return store;
			}
			KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
			store.load(null, null);
			int index = 0;
			for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
				store.setCertificateEntry("ca-" + index++, certificate);
			}
			return store;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the trust store " + file, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot read the trust store " + file, ex);
		}
	}

}
