package postern.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import postern.PosternProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LocalHostCommandTests {

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
	void runWhenProgramExitsReturnsExitCodeAndOutput() {
		CommandResult result = host()
			.run(command(Duration.ofSeconds(10), "sh", "-c", "printf 'h\\303\\251'; printf oops >&2; exit 3"));
		assertThat(result.exitCode()).isEqualTo(3);
		assertThat(result.stdout()).isEqualTo("hé");
		assertThat(result.stderr()).isEqualTo("oops");
		assertThat(result.timedOut()).isFalse();
		assertThat(result.succeeded()).isFalse();
	}

	@Test
	void runWhenStdinGivenPassesItToTheProcess() {
		byte[] input = "secret password\nsecond line\n".getBytes(StandardCharsets.UTF_8);
		CommandResult result = host().run(command(Duration.ofSeconds(10), "cat").withStdin(input));
		assertThat(result.succeeded()).isTrue();
		assertThat(result.stdout()).isEqualTo("secret password\nsecond line\n");
	}

	@Test
	void runWhenNoStdinClosesIt() {
		CommandResult result = host().run(command(Duration.ofSeconds(10), "cat"));
		assertThat(result.timedOut()).isFalse();
		assertThat(result.stdout()).isEmpty();
	}

	@Test
	void runWhenOutputIsLargeOnBothStreamsDoesNotDeadlock() {
		// 4 MiB on each stream, far beyond a pipe's buffer
		String script = "head -c 4194304 /dev/zero | tr '\\0' a; head -c 4194304 /dev/zero | tr '\\0' b >&2;"
				+ " head -c 1048576 /dev/zero | tr '\\0' c";
		CommandResult result = host().run(command(Duration.ofSeconds(60), "sh", "-c", script));
		assertThat(result.timedOut()).isFalse();
		assertThat(result.exitCode()).isZero();
		assertThat(result.stdout()).hasSize(5 * 1024 * 1024).startsWith("aaa").endsWith("ccc");
		assertThat(result.stderr()).hasSize(4 * 1024 * 1024);
		assertThat(result.stderr().chars().allMatch((c) -> c == 'b')).isTrue();
	}

	@Test
	void runWhenLargeStdinIsNotReadStillTimesOut() {
		byte[] input = new byte[8 * 1024 * 1024];
		CommandResult result = host().run(command(Duration.ofSeconds(1), "sleep", "30").withStdin(input));
		assertThat(result.timedOut()).isTrue();
		assertThat(result.duration()).isLessThan(Duration.ofSeconds(15));
	}

	@Test
	void runWhenTimeoutExceededKillsTheWholeTree() throws Exception {
		Path pidFile = this.root.resolve("pid");
		Command sleeper = command(Duration.ofSeconds(1), "sh", "-c",
				"sleep 300 & echo $! > '" + pidFile + "'; sleep 300");
		CommandResult result = host().run(sleeper);
		assertThat(result.timedOut()).isTrue();
		assertThat(result.exitCode()).isEqualTo(-1);
		assertThat(result.duration()).isLessThan(Duration.ofSeconds(20));
		long grandchild = Long.parseLong(Files.readString(pidFile).trim());
		assertThat(waitUntilGone(grandchild, Duration.ofSeconds(5))).as("grandchild %d is gone", grandchild).isTrue();
		HostEvents.CommandRan event = (HostEvents.CommandRan) this.events.get(0);
		assertThat(event.timedOut()).isTrue();
		assertThat(event.exitCode()).isEqualTo(-1);
	}

	private static boolean waitUntilGone(long pid, Duration within) throws InterruptedException {
		long deadline = System.nanoTime() + within.toNanos();
		while (System.nanoTime() < deadline) {
			Optional<ProcessHandle> handle = ProcessHandle.of(pid);
			if (handle.isEmpty() || !handle.get().isAlive()) {
				return true;
			}
			Thread.sleep(50);
		}
		return false;
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
		assertThat(waitUntilGone(pid, Duration.ofSeconds(5))).isTrue();
	}

	@Test
	void runWhenProgramMissingThrowsCommandStartException() {
		Path missing = this.root.resolve("no-such-program");
		assertThatExceptionOfType(CommandStartException.class)
			.isThrownBy(() -> host().run(command(Duration.ofSeconds(5), missing.toString(), "arg")))
			.satisfies((ex) -> assertThat(ex.getDisplayArgv()).containsExactly(missing.toString(), "arg"));
		assertThat(this.events).isEmpty();
	}

	@Test
	void runWhenArgumentIsSecretNeverShowsIt() {
		Command command = command(Duration.ofSeconds(5), "echo", "--password", "hunter2-very-secret").redacting(2);
		CommandResult result = host().run(command);
		assertThat(result.stdout()).isEqualTo("--password hunter2-very-secret\n");
		assertThat(command.toString()).doesNotContain("hunter2").contains("--password");
		assertThat(command.displayArgv()).containsExactly("echo", "--password", "******");
		HostEvents.CommandRan event = (HostEvents.CommandRan) this.events.get(0);
		assertThat(event.argv()).containsExactly("echo", "--password", "******");
		assertThat(event.toString()).doesNotContain("hunter2");
		assertThat(String.join(" ", event.argv())).doesNotContain("hunter2");
	}

	@Test
	void commandWhenRedactedPositionOutOfRangeIsRefused() {
		assertThatExceptionOfType(IndexOutOfBoundsException.class)
			.isThrownBy(() -> command(Duration.ofSeconds(5), "echo").redacting(1));
	}

}
