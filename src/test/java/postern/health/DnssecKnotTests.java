package postern.health;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Type;

import postern.SystemBinaries;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DNSSEC validated in Postern against Debian's knot on loopback, which signs a zone when
 * it loads it: with the zone's DS as trust anchor, the signed zone is "signed and valid";
 * a plain zone is "unsigned"; with a wrong anchor the signed zone is bogus.
 */
class DnssecKnotTests {

	@TempDir
	Path folder;

	private Process knot;

	private Path config;

	private int port;

	@BeforeEach
	void startKnot() throws Exception {
		Path knotd = SystemBinaries.require("knotd", Path.of("/usr/sbin/knotd"), Path.of("/usr/bin/knotd"));
		this.port = freePort();
		Path zones = Files.createDirectories(this.folder.resolve("zones"));
		Files.createDirectories(this.folder.resolve("run"));
		Files.createDirectories(this.folder.resolve("db"));
		Files.writeString(zones.resolve("signed.test.zone"), zone("signed.test"));
		Files.writeString(zones.resolve("plain.test.zone"), zone("plain.test"));
		this.config = this.folder.resolve("knot.conf");
		Files.writeString(this.config,
				String.join("\n", "server:", "    rundir: \"" + this.folder.resolve("run") + "\"",
						"    listen: [ 127.0.0.1@" + this.port + " ]", "log:", "  - target: stderr", "    any: info",
						"database:", "    storage: \"" + this.folder.resolve("db") + "\"", "policy:",
						"  - id: autosign", "    algorithm: ecdsap256sha256", "    nsec3: on",
						"    nsec3-iterations: 0", "    nsec3-salt-length: 0", "template:", "  - id: default",
						"    storage: \"" + zones + "\"", "    file: \"%s.zone\"", "    zonefile-sync: -1",
						"    zonefile-load: difference-no-serial", "    journal-content: all", "zone:",
						"  - domain: signed.test", "    dnssec-signing: on", "    dnssec-policy: autosign",
						"  - domain: plain.test", ""));
		this.knot = new ProcessBuilder(knotd.toString(), "-c", this.config.toString()).redirectErrorStream(true)
			.redirectOutput(this.folder.resolve("knot.log").toFile())
			.start();
		waitForSignedZone();
	}

	@AfterEach
	void stopKnot() throws InterruptedException {
		if (this.knot != null) {
			this.knot.destroy();
			if (!this.knot.waitFor(10, TimeUnit.SECONDS)) {
				this.knot.destroyForcibly();
			}
		}
	}

	@Test
	void signedZoneWithItsDsAsAnchorIsSignedAndValid() throws Exception {
		Path anchors = Files.writeString(this.folder.resolve("anchors"), ds());
		DnsClient client = client(anchors);
		CheckResult signed = DnsChecks.dnssec("signed.test",
				client.query("signed.test", Type.SOA).get(10, TimeUnit.SECONDS));
		assertThat(signed.verdict()).as(signed.toString()).isEqualTo(Verdict.OK);
		assertThat(signed.messageKey()).isEqualTo("health.dnssec.ok");

		CheckResult plain = DnsChecks.dnssec("plain.test",
				client.query("plain.test", Type.SOA).get(10, TimeUnit.SECONDS));
		assertThat(plain.verdict()).isEqualTo(Verdict.WARNING);
		assertThat(plain.messageKey()).isEqualTo("health.dnssec.unsigned");
	}

	@Test
	void signedZoneWithAWrongAnchorIsBogus() throws Exception {
		String wrong = ds().lines().findFirst().orElseThrow().replaceAll("[0-9A-Fa-f]{64}$", "00".repeat(32));
		Path anchors = Files.writeString(this.folder.resolve("anchors"), wrong + "\n");
		CheckResult bogus = DnsChecks.dnssec("signed.test",
				client(anchors).query("signed.test", Type.SOA).get(10, TimeUnit.SECONDS));
		assertThat(bogus.verdict()).as(bogus.toString()).isEqualTo(Verdict.ERROR);
		assertThat(bogus.messageKey()).isEqualTo("health.dnssec.bogus");
	}

	private DnsClient client(Path anchors) {
		return new DnsClient(List.of(DnsClient.address("127.0.0.1:" + this.port)), Duration.ofSeconds(2), anchors);
	}

	private String ds() throws Exception {
		Path keymgr = SystemBinaries.require("keymgr", Path.of("/usr/sbin/keymgr"), Path.of("/usr/bin/keymgr"));
		Process process = new ProcessBuilder(keymgr.toString(), "-c", this.config.toString(), "signed.test", "ds")
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(output).as("keymgr ds").contains(" DS ");
		return output;
	}

	private void waitForSignedZone() throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		DnsClient plain = new DnsClient(List.of(DnsClient.address("127.0.0.1:" + this.port)), Duration.ofMillis(500),
				null);
		while (System.nanoTime() < deadline) {
			DnsAnswer answer = plain.query("signed.test", Type.DNSKEY).get(5, TimeUnit.SECONDS);
			if (answer.answered() && !answer.records().isEmpty()) {
				return;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("knot did not sign the zone: " + Files.readString(this.folder.resolve("knot.log")));
	}

	private static String zone(String origin) {
		return String.join("\n", "$ORIGIN " + origin + ".", "$TTL 300",
				"@ SOA ns1." + origin + ". hostmaster." + origin + ". 1 3600 900 604800 300",
				"@ NS ns1." + origin + ".", "ns1 A 127.0.0.1", "@ MX 10 mx1." + origin + ".", "mx1 A 127.0.0.1",
				"@ TXT \"v=spf1 mx -all\"", "");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		}
	}

}
