package postern.host;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import postern.PosternProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What only {@link SshHost} does: quoting for the remote shell, host keys, reconnecting.
 * The rest of its behaviour is in {@link SshHostContractTests}.
 */
class SshHostTests {

	@TempDir
	Path root;

	private final List<Object> events = new CopyOnWriteArrayList<>();

	private final List<AutoCloseable> closeables = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable closeable : this.closeables) {
			closeable.close();
		}
	}

	private TestSshServer server() throws Exception {
		TestSshServer server = TestSshServer.start(this.root);
		this.closeables.add(server);
		return server;
	}

	private SshHost host(SshHost.Target target) {
		return host(target, null);
	}

	private SshHost host(SshHost.Target target, char[] passphrase) {
		SshHost host = new SshHost("vps", target, passphrase,
				new PosternProperties.Backups(this.root.resolve("backups"), 3), this.events::add, Clock.systemUTC());
		this.closeables.add(0, host);
		return host;
	}

	private static Command command(String... argv) {
		return Command.of(Duration.ofSeconds(20), List.of(argv));
	}

	@Test
	void runWhenArgumentsHoldShellSyntaxPassesThemByteForByte() throws Exception {
		Path marker = this.root.resolve("injected");
		List<String> arguments = List.of("two words", "it's", "\"double\"", "$(touch " + marker + ")",
				"`touch " + marker + "`", "a; touch " + marker, "first line\nsecond line", "héllo ✓ 日本語", "", "*", "~",
				"back\\slash", "$HOME", "a'b\"c$d`e\\f", "  leading and trailing  ", "-n", "|&<>(){}#!");
		List<String> argv = new ArrayList<>(List.of("printf", "%s\\0"));
		argv.addAll(arguments);
		CommandResult result = host(server().target()).run(Command.of(Duration.ofSeconds(20), argv));
		assertThat(result.succeeded()).as(result.stderr()).isTrue();
		byte[] expected = (String.join("\0", arguments) + "\0").getBytes(StandardCharsets.UTF_8);
		assertThat(result.stdout().getBytes(StandardCharsets.UTF_8)).isEqualTo(expected);
		assertThat(Arrays.asList(result.stdout().split("\0", -1))).hasSize(arguments.size() + 1);
		assertThat(marker).doesNotExist();
	}

	@Test
	void connectWhenHostKeyChangedIsRefusedAndSendsNothing() throws Exception {
		TestSshServer trusted = server();
		String confirmed = trusted.fingerprint();
		assertThat(host(trusted.target()).run(command("true")).succeeded()).isTrue();
		TestSshServer impostor = server();
		SshHost.Target sameNameOtherKey = impostor.target(confirmed);
		Path marker = this.root.resolve("ran");
		assertThatExceptionOfType(HostKeyException.class)
			.isThrownBy(() -> host(sameNameOtherKey).run(command("touch", marker.toString())))
			.satisfies((ex) -> {
				assertThat(ex.getExpected()).isEqualTo(confirmed);
				assertThat(ex.getOffered()).isEqualTo(impostor.fingerprint()).isNotEqualTo(confirmed);
				assertThat(ex.getMessage()).contains("changed", "intercepting", confirmed, impostor.fingerprint());
			});
		assertThat(marker).doesNotExist();
		assertThat(this.events).hasSize(1);
	}

	@Test
	void connectWhenHostIsUnknownIsRefusedUntilItsFingerprintIsGiven() throws Exception {
		TestSshServer server = server();
		Path marker = this.root.resolve("ran");
		assertThatExceptionOfType(HostKeyException.class)
			.isThrownBy(() -> host(server.target(null)).run(command("touch", marker.toString())))
			.satisfies((ex) -> {
				assertThat(ex.getExpected()).isNull();
				assertThat(ex.getOffered()).isEqualTo(server.fingerprint());
				assertThat(ex.getMessage()).contains("not been confirmed");
			});
		assertThat(marker).doesNotExist();
		String scanned = SshHost.hostKeyFingerprint("127.0.0.1", server.port());
		assertThat(scanned).isEqualTo(server.fingerprint());
		assertThat(host(server.target(scanned)).run(command("touch", marker.toString())).succeeded()).isTrue();
		assertThat(marker).exists();
	}

	@Test
	void connectWhenKeyFileIsEncryptedUsesThePassphraseAtEveryConnection() throws Exception {
		TestSshServer server = TestSshServer.start(this.root, TestSshServer.newKeyPair(), "correct horse");
		this.closeables.add(server);
		char[] passphrase = "correct horse".toCharArray();
		SshHost host = host(server.target(), passphrase);
		Arrays.fill(passphrase, '\0');
		assertThat(host.run(command("true")).succeeded()).isTrue();
		host.close();
		assertThat(host.run(command("true")).succeeded()).isTrue();
		assertThatExceptionOfType(HostException.class)
			.isThrownBy(() -> host(server.target(), "wrong".toCharArray()).run(command("true")))
			.withMessageContaining("Could not log in");
	}

	@Test
	void fingerprintIsWrittenAsOpenSshWritesIt() throws Exception {
		TestSshServer server = server();
		String openSsh = KeyUtils.getFingerPrint(BuiltinDigests.sha256, server.hostKey().getPublic());
		assertThat(server.fingerprint()).isEqualTo(openSsh).startsWith("SHA256:").doesNotEndWith("=");
	}

	@Test
	void runWhenConnectionDiesFailsThatCallAndReconnectsOnTheNext() throws Exception {
		TestSshServer server = server();
		CuttableTunnel tunnel = CuttableTunnel.to(server.port());
		this.closeables.add(tunnel);
		SshHost.Target target = server.target();
		SshHost host = host(new SshHost.Target(target.address(), tunnel.port(), target.user(), target.keyFile(),
				target.hostKeyFingerprint()));
		assertThat(host.run(command("true")).succeeded()).isTrue();
		Thread cutter = new Thread(() -> {
			try {
				Thread.sleep(500);
			}
			catch (InterruptedException ex) {
				return;
			}
			tunnel.cut();
		});
		cutter.start();
		assertThatExceptionOfType(HostException.class).isThrownBy(() -> host.run(command("sleep", "10")))
			.withMessageContaining("Lost the connection");
		cutter.join();
		CommandResult again = host.run(command("echo", "back"));
		assertThat(again.stdout()).isEqualTo("back\n");
		Files.writeString(this.root.resolve("file"), "content\n");
		assertThat(host.read(this.root.resolve("file")).content())
			.isEqualTo("content\n".getBytes(StandardCharsets.UTF_8));
	}

}
