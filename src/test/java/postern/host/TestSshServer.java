package postern.host;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.nativefs.NativeFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.shell.ProcessShellFactory;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An SSH server on 127.0.0.1 for tests: exec requests run through a real
 * {@code /bin/sh -c}, as OpenSSH runs them, so quoting is really exercised; SFTP works on
 * this machine's file system; only one generated user key is accepted.
 */
public final class TestSshServer implements AutoCloseable {

	private final SshServer server;

	private final KeyPair hostKey;

	private final Path userKeyFile;

	private final AtomicInteger logins;

	private TestSshServer(SshServer server, KeyPair hostKey, Path userKeyFile, AtomicInteger logins) {
		this.server = server;
		this.hostKey = hostKey;
		this.userKeyFile = userKeyFile;
		this.logins = logins;
	}

	/**
	 * Start a server with a new host key and a new user key.
	 * @param folder where the user's private key file is written
	 * @return the running server
	 */
	public static TestSshServer start(Path folder) throws IOException, GeneralSecurityException {
		return start(folder, newKeyPair());
	}

	/**
	 * Start a server with a given host key and a new user key.
	 * @param folder where the user's private key file is written
	 * @param hostKey the server's host key
	 * @return the running server
	 */
	public static TestSshServer start(Path folder, KeyPair hostKey) throws IOException, GeneralSecurityException {
		return start(folder, hostKey, null);
	}

	/**
	 * Start a server with a new host key and a new user key whose file is encrypted.
	 * @param folder where the user's private key file is written
	 * @param passphrase the key file's passphrase, or {@code null} for a plain file
	 * @return the running server
	 */
	public static TestSshServer start(Path folder, KeyPair hostKey, String passphrase)
			throws IOException, GeneralSecurityException {
		return start(folder, hostKey, passphrase, 0);
	}

	/**
	 * Start a server on a given port, e.g. an impostor where another server was.
	 * @param folder where the user's private key file is written
	 * @param hostKey the server's host key
	 * @param passphrase the key file's passphrase, or {@code null} for a plain file
	 * @param port the port, or 0 for any free one
	 * @return the running server
	 */
	public static TestSshServer start(Path folder, KeyPair hostKey, String passphrase, int port)
			throws IOException, GeneralSecurityException {
		return start(folder, hostKey, passphrase, port, Map.of());
	}

	/**
	 * Start a server whose commands see extra environment variables, e.g. a
	 * {@code STANDIN_STATE} of their own so the stand-ins behind it keep another server's
	 * state.
	 * @param folder where the user's private key file is written
	 * @param environment the variables every command gets
	 * @return the running server
	 */
	public static TestSshServer start(Path folder, Map<String, String> environment)
			throws IOException, GeneralSecurityException {
		return start(folder, newKeyPair(), null, 0, environment);
	}

	private static TestSshServer start(Path folder, KeyPair hostKey, String passphrase, int port,
			Map<String, String> environment) throws IOException, GeneralSecurityException {
		KeyPair userKey = newKeyPair();
		Path keyFile = Files.createTempFile(folder, "id_ecdsa", "");
		OpenSSHKeyEncryptionContext encryption = null;
		if (passphrase != null) {
			encryption = new OpenSSHKeyEncryptionContext();
			encryption.setCipherName("AES");
			encryption.setCipherType("256");
			encryption.setCipherMode("CTR");
			encryption.setPassword(passphrase);
		}
		try (OutputStream out = Files.newOutputStream(keyFile)) {
			OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(userKey, "postern-test", encryption, out);
		}
		SshServer server = SshServer.setUpDefaultServer();
		server.setHost("127.0.0.1");
		server.setPort(port);
		server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
		AtomicInteger logins = new AtomicInteger();
		server.setPublickeyAuthenticator((user, key, session) -> {
			boolean accepted = KeyUtils.compareKeys(key, userKey.getPublic());
			if (accepted) {
				logins.incrementAndGet();
			}
			return accepted;
		});
		server.setCommandFactory((channel, command) -> {
			String line = withEnvironment(environment, command);
			return new ProcessShellFactory(line, "/bin/sh", "-c", line).createShell(channel);
		});
		server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
		server.setFileSystemFactory(NativeFileSystemFactory.INSTANCE);
		server.start();
		return new TestSshServer(server, hostKey, keyFile, logins);
	}

	/**
	 * The command line as the shell runs it ({@code ProcessShellFactory} always runs
	 * {@code /bin/sh -c} on it): the variables exported first.
	 */
	private static String withEnvironment(Map<String, String> environment, String command) {
		StringBuilder line = new StringBuilder();
		environment.forEach((name, value) -> line.append("export ")
			.append(name)
			.append('=')
			.append(ShellQuoting.quote(value))
			.append("; "));
		return line.append(command).toString();
	}

	public static KeyPair newKeyPair() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		return generator.generateKeyPair();
	}

	public int port() {
		return this.server.getPort();
	}

	/**
	 * How many times a client proved it holds the user key (sshj asks once without a
	 * signature, then once with one, for each login).
	 * @return the count of accepted key checks
	 */
	public int logins() {
		return this.logins.get();
	}

	/**
	 * How many SSH sessions are open on this server now.
	 * @return the count of connected clients
	 */
	public int sessions() {
		return this.server.getActiveSessions().size();
	}

	public Path userKeyFile() {
		return this.userKeyFile;
	}

	public KeyPair hostKey() {
		return this.hostKey;
	}

	public String fingerprint() {
		return PinnedHostKey.fingerprint(this.hostKey.getPublic());
	}

	/**
	 * Where to reach this server as the user running the tests, trusting its host key.
	 * @return the target
	 */
	SshHost.Target target() {
		return target(fingerprint());
	}

	SshHost.Target target(String fingerprint) {
		return new SshHost.Target("127.0.0.1", port(), System.getProperty("user.name"), this.userKeyFile, fingerprint);
	}

	@Override
	public void close() throws IOException {
		this.server.stop(true);
	}

}
