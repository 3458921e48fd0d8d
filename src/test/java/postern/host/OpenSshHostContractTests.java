package postern.host;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import postern.PosternProperties;
import postern.SystemBinaries;

/**
 * The {@link Host} contract over SSH against Debian's own OpenSSH server, as on a real
 * VPS: {@code sshd} started by the test on a free loopback port, with its own host key,
 * {@code authorized_keys} and configuration in a temporary folder, SFTP through
 * {@code internal-sftp}. Under {@code CI=true} the server must be installed.
 */
class OpenSshHostContractTests extends HostContractTests {

	private static final Path SSHD = Path.of("/usr/sbin/sshd");

	@TempDir
	static Path folder;

	private static Process sshd;

	private static SshHost.Target target;

	private final List<SshHost> hosts = new ArrayList<>();

	@BeforeAll
	static void startSshd() throws Exception {
		Path binary = SystemBinaries.require("OpenSSH server (openssh-server)", SSHD);
		KeyPair hostKey = TestSshServer.newKeyPair();
		KeyPair userKey = TestSshServer.newKeyPair();
		Path hostKeyFile = writePrivate(folder.resolve("ssh_host_ecdsa_key"), hostKey);
		Path userKeyFile = writePrivate(folder.resolve("id_ecdsa"), userKey);
		Path authorized = folder.resolve("authorized_keys");
		Files.writeString(authorized, PublicKeyEntry.toString(userKey.getPublic()) + "\n");
		int port = freePort();
		String user = System.getProperty("user.name");
		Path config = folder.resolve("sshd_config");
		Files.writeString(config, String.join("\n", "Port " + port, "ListenAddress 127.0.0.1", "HostKey " + hostKeyFile,
				"AuthorizedKeysFile " + authorized, "PidFile " + folder.resolve("sshd.pid"), "StrictModes no",
				"UsePAM no", "PasswordAuthentication no", "KbdInteractiveAuthentication no", "PubkeyAuthentication yes",
				"PermitRootLogin prohibit-password", "AllowUsers " + user, "Subsystem sftp internal-sftp", ""));
		privilegeSeparationFolder();
		sshd = new ProcessBuilder(binary.toString(), "-D", "-e", "-f", config.toString()).redirectErrorStream(true)
			.redirectOutput(folder.resolve("sshd.log").toFile())
			.start();
		awaitListening(port);
		target = new SshHost.Target("127.0.0.1", port, user, userKeyFile,
				PinnedHostKey.fingerprint(hostKey.getPublic()));
	}

	@AfterAll
	static void stopSshd() throws Exception {
		if (sshd != null) {
			sshd.destroy();
			sshd.waitFor(10, TimeUnit.SECONDS);
		}
	}

	@AfterEach
	void disconnect() {
		this.hosts.forEach(SshHost::close);
	}

	@Override
	protected Host host(int keep, Clock clock) {
		SshHost host = new SshHost("openssh", target, null, new PosternProperties.Backups(this.backups, keep),
				this.events::add, clock);
		this.hosts.add(host);
		return host;
	}

	/**
	 * sshd refuses keys that others can read.
	 */
	private static Path writePrivate(Path file, KeyPair keys) throws Exception {
		Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		try (OutputStream out = Files.newOutputStream(file)) {
			OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(keys, "postern-test", null, out);
		}
		return file;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Run as root, sshd needs its privilege separation folder, which the Debian package
	 * creates only when its service starts.
	 */
	private static void privilegeSeparationFolder() throws IOException {
		Path folder = Path.of("/run/sshd");
		if ("root".equals(System.getProperty("user.name")) && !Files.isDirectory(folder)) {
			Files.createDirectories(folder);
		}
	}

	private static void awaitListening(int port) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		while (System.nanoTime() < deadline) {
			if (!sshd.isAlive()) {
				throw new IllegalStateException("sshd stopped: " + Files.readString(folder.resolve("sshd.log")));
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
				return;
			}
			catch (IOException ex) {
				Thread.sleep(100);
			}
		}
		throw new IllegalStateException(
				"sshd did not listen on " + port + ": " + Files.readString(folder.resolve("sshd.log")));
	}

}
