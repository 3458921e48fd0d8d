package postern.health;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import postern.SystemBinaries;

/**
 * The installed Caddy serving, on 127.0.0.1, the MTA-STS policies of some domains over
 * HTTPS and TLS from the first byte on two more ports (as SMTPS and IMAPS), with a
 * certificate made in the test: servers in a process of their own, with the TLS stack of
 * the servers Postern checks (Caddy and maddy are both Go programs), rather than in the
 * JVM of the checker. No admin endpoint, no automatic HTTPS, storage in the folder.
 */
final class CaddyTlsServers implements AutoCloseable {

	private final Process caddy;

	private final int https;

	private final int smtps;

	private final int imaps;

	private CaddyTlsServers(Process caddy, int https, int smtps, int imaps) {
		this.caddy = caddy;
		this.https = https;
		this.smtps = smtps;
		this.imaps = imaps;
	}

	/**
	 * Start Caddy.
	 * @param folder a folder of its own
	 * @param certificate the certificate served for every name
	 * @param mxHost the name served on the SMTPS and IMAPS ports
	 * @param policies the policy served by each {@code mta-sts.<domain>}
	 * @return the running servers
	 */
	static CaddyTlsServers start(Path folder, TestCertificates.Server certificate, String mxHost,
			Map<String, String> policies) throws IOException, InterruptedException {
		Path binary = SystemBinaries.require("caddy", Path.of("/usr/bin/caddy"), Path.of("/usr/local/bin/caddy"));
		Path cert = Files.writeString(folder.resolve("cert.pem"), TestCertificates.pem(certificate.certificate()));
		Path key = Files.writeString(folder.resolve("key.pem"),
				"-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
					.encodeToString(certificate.key().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
		List<String> sites = new ArrayList<>();
		int https = freePort();
		for (Map.Entry<String, String> policy : policies.entrySet()) {
			Path file = folder.resolve("www").resolve(policy.getKey()).resolve(".well-known/mta-sts.txt");
			Files.createDirectories(file.getParent());
			Files.writeString(file, policy.getValue());
			sites.add("https://" + policy.getKey() + ":" + https);
		}
		int smtps = freePort();
		int imaps = freePort();
		String tls = "\tbind 127.0.0.1\n\ttls " + cert + " " + key + "\n";
		String caddyfile = "{\n\tadmin off\n\tauto_https off\n\tstorage file_system " + folder.resolve("data")
				+ "\n}\n\n" + String.join(", ", sites) + " {\n" + tls + "\troot * " + folder.resolve("www")
				+ "/{host}\n\tfile_server\n}\n\n" + "https://" + mxHost + ":" + smtps + ", https://" + mxHost + ":"
				+ imaps + " {\n" + tls + "\trespond \"ok\"\n}\n";
		Path config = Files.writeString(folder.resolve("Caddyfile"), caddyfile);
		ProcessBuilder builder = new ProcessBuilder(binary.toString(), "run", "--config", config.toString(),
				"--adapter", "caddyfile")
			.redirectErrorStream(true)
			.redirectOutput(folder.resolve("caddy.log").toFile());
		builder.environment().put("HOME", folder.toString());
		builder.environment().put("XDG_DATA_HOME", folder.resolve("data").toString());
		builder.environment().put("XDG_CONFIG_HOME", folder.resolve("config").toString());
		Process caddy = builder.start();
		CaddyTlsServers servers = new CaddyTlsServers(caddy, https, smtps, imaps);
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!listening(https) || !listening(smtps) || !listening(imaps)) {
			if (System.nanoTime() > deadline || !caddy.isAlive()) {
				servers.close();
				throw new IllegalStateException(
						"caddy did not start: " + Files.readString(folder.resolve("caddy.log")));
			}
			Thread.sleep(50);
		}
		return servers;
	}

	int https() {
		return this.https;
	}

	int smtps() {
		return this.smtps;
	}

	int imaps() {
		return this.imaps;
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws InterruptedException {
		this.caddy.destroy();
		if (!this.caddy.waitFor(10, TimeUnit.SECONDS)) {
			this.caddy.destroyForcibly();
		}
	}

}
