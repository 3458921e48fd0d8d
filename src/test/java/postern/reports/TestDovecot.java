package postern.reports;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import postern.SystemBinaries;
import postern.health.TlsTrust;

/**
 * Debian's dovecot, started by a test as a child process: IMAPS only (implicit TLS with a
 * certificate made here) on a free loopback port, one passwd-file user, a maildir, its
 * own base and state folders. The master runs as the test (root); dovecot itself refuses
 * root for login and mail processes, so those run as {@code dovenull} and {@code nobody}.
 */
public final class TestDovecot implements AutoCloseable {

	/** The certificate's name, which is not the host connected to (127.0.0.1). */
	public static final String SERVER_NAME = "imap.example.test";

	public static final String USER = "reports@example.org";

	public static final String PASSWORD = "dovecot test password 7";

	private static final Path DOVECOT = Path.of("/usr/sbin/dovecot");

	private final Path folder;

	private final int port;

	private final Process process;

	private TestDovecot(Path folder, int port, Process process) {
		this.folder = folder;
		this.port = port;
		this.process = process;
	}

	/**
	 * Start dovecot; skip the test, or fail it under {@code CI=true}, when it is not
	 * installed.
	 * @param folder an empty folder for its files
	 * @return the running server
	 * @throws Exception when it cannot start
	 */
	public static TestDovecot start(Path folder) throws Exception {
		Path binary = SystemBinaries.require("dovecot (dovecot-imapd)", DOVECOT);
		Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path mail = Files.createDirectories(folder.resolve("mail"));
		UserPrincipalLookupService users = folder.getFileSystem().getUserPrincipalLookupService();
		Files.setOwner(mail, users.lookupPrincipalByName("nobody"));
		writeCertificate(folder);
		Files.writeString(folder.resolve("passwd"),
				USER + ":{PLAIN}" + PASSWORD + "::::" + mail.resolve("reports") + "::\n");
		int port = freePort();
		Files.writeString(folder.resolve("dovecot.conf"), config(folder, port));
		Process process = new ProcessBuilder(binary.toString(), "-F", "-c", folder.resolve("dovecot.conf").toString())
			.redirectErrorStream(true)
			.redirectOutput(folder.resolve("dovecot.out").toFile())
			.start();
		TestDovecot dovecot = new TestDovecot(folder, port, process);
		dovecot.awaitListening();
		return dovecot;
	}

	private static String config(Path folder, int port) {
		return String.join("\n", "base_dir = " + folder.resolve("base"), "state_dir = " + folder.resolve("state"),
				"instance_name = postern-test-" + port, "protocols = imap", "listen = 127.0.0.1",
				"log_path = " + folder.resolve("dovecot.log"), "ssl = required",
				"ssl_cert = <" + folder.resolve("cert.pem"), "ssl_key = <" + folder.resolve("key.pem"),
				"disable_plaintext_auth = yes", "auth_mechanisms = plain", "mail_location = maildir:~/Maildir",
				"mail_uid = nobody", "mail_gid = nogroup", "first_valid_uid = 0", "first_valid_gid = 0",
				"default_login_user = dovenull", "default_internal_user = dovecot", "default_internal_group = dovecot",
				"service imap-login {", "  inet_listener imap {", "    port = 0", "  }", "  inet_listener imaps {",
				"    port = " + port, "    ssl = yes", "  }", "}", "passdb {", "  driver = passwd-file",
				"  args = scheme=PLAIN username_format=%u " + folder.resolve("passwd"), "}", "userdb {",
				"  driver = passwd-file", "  args = username_format=%u " + folder.resolve("passwd"), "}",
				"namespace inbox {", "  inbox = yes", "  separator = /", "}", "");
	}

	/**
	 * A loopback port nothing listens on, for a server that must not answer.
	 * @return the port
	 */
	public static int closedPort() {
		try {
			return freePort();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private void awaitListening() throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("dovecot stopped: " + log());
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
				return;
			}
			catch (IOException ex) {
				Thread.sleep(100);
			}
		}
		throw new IllegalStateException("dovecot did not listen on " + this.port + ": " + log());
	}

	private String log() throws IOException {
		Path log = this.folder.resolve("dovecot.log");
		return Files.readString(this.folder.resolve("dovecot.out")) + (Files.exists(log) ? Files.readString(log) : "");
	}

	private static void writeCertificate(Path folder) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		KeyPair keys = generator.generateKeyPair();
		X500Name name = new X500Name("CN=" + SERVER_NAME);
		JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
				BigInteger.valueOf(System.nanoTime()), Date.from(Instant.now().minus(Duration.ofDays(1))),
				Date.from(Instant.now().plus(Duration.ofDays(30))), name, keys.getPublic());
		builder.addExtension(Extension.subjectAlternativeName, false,
				new GeneralNames(new GeneralName(GeneralName.dNSName, SERVER_NAME)));
		X509Certificate certificate = new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
		Files.writeString(folder.resolve("cert.pem"), pem("CERTIFICATE", certificate.getEncoded()));
		Files.writeString(folder.resolve("key.pem"), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

	/**
	 * The certificate, as a PEM file to trust ({@code postern.health.trust-store}).
	 * @return the file
	 */
	public Path certificate() {
		return this.folder.resolve("cert.pem");
	}

	public int port() {
		return this.port;
	}

	/**
	 * Deliver mails into a folder with IMAP APPEND, unread.
	 * @param folderName the folder
	 * @param messages the mails
	 * @throws Exception when the server refuses them
	 */
	public void deliver(String folderName, Message... messages) throws Exception {
		try (Store store = connect()) {
			Folder target = store.getFolder(folderName);
			if (!target.exists()) {
				target.create(Folder.HOLDS_MESSAGES);
			}
			target.appendMessages(messages);
		}
	}

	/**
	 * The mails of a folder as they are now.
	 * @param folderName the folder
	 * @return subject and whether it was read, one per mail; empty when the folder does
	 * not exist
	 * @throws Exception when the server fails
	 */
	public List<Seen> list(String folderName) throws Exception {
		try (Store store = connect()) {
			Folder source = store.getFolder(folderName);
			List<Seen> found = new ArrayList<>();
			if (!source.exists()) {
				return found;
			}
			source.open(Folder.READ_ONLY);
			for (Message message : source.getMessages()) {
				found.add(new Seen(message.getSubject(), message.isSet(Flags.Flag.SEEN)));
			}
			source.close(false);
			return found;
		}
	}

	private Store connect() throws Exception {
		Properties properties = new Properties();
		properties.put("mail.imaps.ssl.socketFactory",
				new NamedServerSocketFactory(TlsTrust.withExtra(certificate()), SERVER_NAME));
		properties.put("mail.imaps.ssl.checkserveridentity", "false");
		properties.put("mail.imaps.peek", "true");
		Store store = Session.getInstance(properties).getStore("imaps");
		store.connect("127.0.0.1", this.port, USER, PASSWORD);
		return store;
	}

	@Override
	public void close() throws Exception {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

	/**
	 * A mail in a folder.
	 *
	 * @param subject its subject
	 * @param read whether it has the {@code \Seen} flag
	 */
	public record Seen(String subject, boolean read) {
	}

}
