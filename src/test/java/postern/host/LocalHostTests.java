package postern.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import postern.PosternProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What only the local host does; the rest of its behaviour is in
 * {@link LocalHostContractTests}.
 */
class LocalHostTests {

	@TempDir
	Path root;

	private final List<Object> events = new CopyOnWriteArrayList<>();

	private LocalHost host() {
		return new LocalHost("test", new PosternProperties.Backups(this.root.resolve("backups"), 3), this.events::add,
				Clock.systemUTC());
	}

	private static Command command(Duration timeout, String... argv) {
		return Command.of(timeout, List.of(argv));
	}

	@Test
	void runWhenInterruptedKillsTheProcessAndKeepsTheFlag() throws Exception {
		Path pidFile = this.root.resolve("pid");
		LocalHost host = host();
		Thread caller = Thread.currentThread();
		Thread interrupter = new Thread(() -> {
			try {
				while (!Files.exists(pidFile) || Files.size(pidFile) == 0) {
					Thread.sleep(20);
				}
			}
			catch (InterruptedException | IOException ex) {
				return;
			}
			caller.interrupt();
		});
		interrupter.start();
		try {
			assertThatExceptionOfType(HostException.class).isThrownBy(() -> host
				.run(command(Duration.ofSeconds(60), "sh", "-c", "echo $$ > '" + pidFile + "'; sleep 300")));
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
			interrupter.join();
		}
		long pid = Long.parseLong(Files.readString(pidFile).trim());
		assertThat(HostContractTests.waitUntilGone(pid, Duration.ofSeconds(5))).isTrue();
	}

	@Test
	void modeAndPermissionsRoundTrip() {
		for (int mode : Set.of(0, 0640, 0604, 0755, 0777, 0111)) {
			assertThat(LocalHost.mode(LocalHost.permissions(mode))).isEqualTo(mode);
		}
		assertThat(LocalHost.permissions(0640)).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
	}

	@Test
	void commandWhenRedactedPositionOutOfRangeIsRefused() {
		assertThatExceptionOfType(IndexOutOfBoundsException.class)
			.isThrownBy(() -> command(Duration.ofSeconds(5), "echo").redacting(1));
	}

}
