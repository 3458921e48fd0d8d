package postern.health;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made in the test: a test CA, and server certificates valid from it,
 * expired, for another name, or self-signed.
 */
final class TestCertificates {

	private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

	final KeyPair caKeys = keys();

	final X509Certificate ca = sign("CN=Postern Test CA", null, this.caKeys, this.caKeys.getPublic(), days(-1),
			days(365), true);

	static KeyPair keys() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Instant days(int days) {
		return Instant.now().plus(Duration.ofDays(days));
	}

	/**
	 * A server certificate and its key.
	 * @param notBefore start
	 * @param notAfter end
	 * @param selfSigned whether it signs itself rather than the CA signing it
	 * @param names the DNS names
	 * @return the key pair and chain
	 */
	Server server(Instant notBefore, Instant notAfter, boolean selfSigned, String... names) {
		KeyPair keys = keys();
		X509Certificate certificate = selfSigned
				? sign("CN=" + names[0], names, keys, keys.getPublic(), notBefore, notAfter, false)
				: sign("CN=" + names[0], names, this.caKeys, keys.getPublic(), notBefore, notAfter, false);
		return new Server(keys.getPrivate(), certificate);
	}

	Server valid(String... names) {
		return server(days(-1), days(60), false, names);
	}

	private X509Certificate sign(String subject, String[] names, KeyPair signer, java.security.PublicKey key,
			Instant notBefore, Instant notAfter, boolean ca) {
		try {
			X500Name issuer = new X500Name(
					(signer == this.caKeys && !ca) ? "CN=Postern Test CA" : (ca ? "CN=Postern Test CA" : subject));
			JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
					BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
					new X500Name(subject), key);
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
			if (names != null) {
				GeneralName[] alternatives = new GeneralName[names.length];
				for (int i = 0; i < names.length; i++) {
					alternatives[i] = new GeneralName(GeneralName.dNSName, names[i]);
				}
				builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(alternatives));
			}
			return new JcaX509CertificateConverter().getCertificate(
					builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Write the CA as a PEM file.
	 * @param file where
	 * @return the file
	 */
	Path writeCa(Path file) {
		try {
			Files.writeString(file, pem(this.ca));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String pem(X509Certificate certificate) {
		try {
			StringWriter out = new StringWriter();
			out.write("-----BEGIN CERTIFICATE-----\n");
			out.write(Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded()));
			out.write("\n-----END CERTIFICATE-----\n");
			return out.toString();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A server's key and certificate.
	 *
	 * @param key the private key
	 * @param certificate the certificate
	 */
	record Server(PrivateKey key, X509Certificate certificate) {

		SSLContext context() {
			try {
				KeyStore store = KeyStore.getInstance("PKCS12");
				store.load(null, null);
				store.setKeyEntry("server", this.key, new char[0], new X509Certificate[] { this.certificate });
				KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
				factory.init(store, new char[0]);
				SSLContext context = SSLContext.getInstance("TLS");
				context.init(factory.getKeyManagers(), null, null);
				return context;
			}
			catch (GeneralSecurityException | IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
