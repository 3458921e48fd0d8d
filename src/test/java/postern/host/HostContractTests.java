package postern.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * What every {@link Host} must do, run against each kind of host. The hosts under test
 * work on this machine's file system, so files are set up and checked directly.
 */
abstract class HostContractTests {

	@TempDir
	Path root;

	protected final List<Object> events = new CopyOnWriteArrayList<>();

	protected Path backups;

	protected Path file;

	@BeforeEach
	void paths() {
		this.backups = this.root.resolve("backups");
		this.file = this.root.resolve("etc/caddy/Caddyfile");
	}

	/**
	 * The host under test, keeping its backups in {@link #backups}.
	 * @param keep how many backups per file
	 * @param clock the clock backups are stamped with
	 * @return the host
	 */
	protected abstract Host host(int keep, Clock clock);

	private Host host(int keep) {
		return host(keep, Clock.systemUTC());
	}

	private Host host() {
		return host(3);
	}

	protected static Command command(Duration timeout, String... argv) {
		return Command.of(timeout, List.of(argv));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private void create(String content) throws IOException {
		Files.createDirectories(this.file.getParent());
		Files.writeString(this.file, content);
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
	void runWhenEnvironmentGivenPassesThatAndNothingElse() {
		// quotes, spaces, a dollar and a semicolon stay one value, never shell text
		Map<String, String> variables = Map.of("CADDY_SITE", "a b;'$HOME' \"x\"");
		CommandResult result = host().run(command(Duration.ofSeconds(10), "/usr/bin/env").withEnvironment(variables));
		assertThat(result.succeeded()).isTrue();
		assertThat(result.stdout().lines()).containsExactly("CADDY_SITE=a b;'$HOME' \"x\"");
	}

	@Test
	void runWhenEnvironmentEmptyPassesNoVariable() {
		CommandResult result = host().run(command(Duration.ofSeconds(10), "/usr/bin/env").withEnvironment(Map.of()));
		assertThat(result.succeeded()).isTrue();
		assertThat(result.stdout()).isEmpty();
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

	static boolean waitUntilGone(long pid, Duration within) throws InterruptedException {
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
	void readWhenFileMissingReturnsAbsentSnapshot() {
		FileSnapshot snapshot = host(3).read(this.file);
		assertThat(snapshot.exists()).isFalse();
		assertThat(snapshot.sha256()).isEqualTo(FileSnapshot.ABSENT);
	}

	@Test
	void readWhenFileExistsReturnsBytesHashAndAttributes() throws IOException {
		create("example.org {\n}\n");
		Files.setPosixFilePermissions(this.file, PosixFilePermissions.fromString("rw-r-----"));
		FileSnapshot snapshot = host(3).read(this.file);
		assertThat(snapshot.content()).isEqualTo(bytes("example.org {\n}\n"));
		assertThat(snapshot.sha256()).isEqualTo(FileSnapshot.sha256(bytes("example.org {\n}\n")));
		assertThat(snapshot.mode()).isEqualTo(0640);
		assertThat(snapshot.owner()).isEqualTo(System.getProperty("user.name"));
		assertThat(snapshot.group()).isNotBlank();
	}

	@Test
	void editWhenFiftyThreadsAppendLosesNoLine() throws Exception {
		create("");
		Host host = host(5);
		ExecutorService pool = Executors.newFixedThreadPool(50);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> done = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			String line = "line " + i + "\n";
			done.add(pool.submit(() -> {
				start.await();
				return host.edit(this.file, (old) -> concat(old, bytes(line)));
			}));
		}
		start.countDown();
		for (Future<?> future : done) {
			future.get();
		}
		pool.shutdown();
		List<String> lines = Files.readAllLines(this.file);
		assertThat(lines).hasSize(50)
			.containsExactlyInAnyOrderElementsOf(IntStream.range(0, 50).mapToObj((i) -> "line " + i).toList());
		assertThat(this.events).filteredOn(HostEvents.FileWritten.class::isInstance).hasSize(50);
		assertThat(host.backups()).hasSize(5);
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = new byte[first.length + second.length];
		System.arraycopy(first, 0, both, 0, first.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	@Test
	void editWhenBytesUnchangedWritesNothing() throws IOException {
		create("same\n");
		Host host = host(3);
		FileSnapshot after = host.edit(this.file, (old) -> old.clone());
		assertThat(after.content()).isEqualTo(bytes("same\n"));
		assertThat(this.events).isEmpty();
		assertThat(host.backups()).isEmpty();
	}

	@Test
	void writeWhenSnapshotIsStaleThrowsConflictAndKeepsOtherWritersContent() throws IOException {
		create("first\n");
		Host host = host(3);
		FileSnapshot mine = host.read(this.file);
		FileSnapshot theirs = host.read(this.file);
		host.write(this.file, bytes("theirs\n"), theirs);
		assertThatExceptionOfType(FileConflictException.class)
			.isThrownBy(() -> host.write(this.file, bytes("mine\n"), mine))
			.satisfies((ex) -> assertThat(ex.getPath()).isEqualTo(this.file));
		assertThat(Files.readString(this.file)).isEqualTo("theirs\n");
		assertThat(host.backups()).hasSize(1);
	}

	@Test
	void writeWhenExpectedAbsentButFileAppearedThrowsConflict() throws IOException {
		Host host = host(3);
		FileSnapshot absent = host.read(this.file);
		create("someone else\n");
		assertThatExceptionOfType(FileConflictException.class)
			.isThrownBy(() -> host.write(this.file, bytes("mine\n"), absent));
		assertThat(Files.readString(this.file)).isEqualTo("someone else\n");
	}

	@Test
	void writeWhenFileExistsKeepsModeAndGroupAndPublishesEvent() throws IOException {
		create("old\n");
		Files.setPosixFilePermissions(this.file, PosixFilePermissions.fromString("rw----r--"));
		GroupPrincipal group = attributes(this.file).group();
		Host host = host(3);
		FileSnapshot written = host.write(this.file, bytes("new\n"), host.read(this.file));
		assertThat(Files.readString(this.file)).isEqualTo("new\n");
		assertThat(attributes(this.file).permissions()).isEqualTo(PosixFilePermissions.fromString("rw----r--"));
		assertThat(attributes(this.file).group()).isEqualTo(group);
		assertThat(written.mode()).isEqualTo(0604);
		assertThat(written.sha256()).isEqualTo(FileSnapshot.sha256(bytes("new\n")));
		HostEvents.FileWritten event = (HostEvents.FileWritten) this.events.get(0);
		assertThat(event.before()).isEqualTo(bytes("old\n"));
		assertThat(event.after()).isEqualTo(bytes("new\n"));
		assertThat(host.backup(event.backupId())).isPresent();
	}

	@Test
	void writeWhenRootKeepsAnotherUsersOwnerAndGroup() throws IOException {
		assumeThat(System.getProperty("user.name")).as("only root can give a file away").isEqualTo("root");
		UserPrincipalLookupService lookup = this.root.getFileSystem().getUserPrincipalLookupService();
		UserPrincipal nobody;
		GroupPrincipal nogroup;
		try {
			nobody = lookup.lookupPrincipalByName("nobody");
			nogroup = lookup.lookupPrincipalByGroupName("nogroup");
		}
		catch (UserPrincipalNotFoundException ex) {
			assumeThat(ex).as("user nobody and group nogroup exist").isNull();
			return;
		}
		create("old\n");
		PosixFileAttributeView view = Files.getFileAttributeView(this.file, PosixFileAttributeView.class);
		view.setOwner(nobody);
		view.setGroup(nogroup);
		view.setPermissions(PosixFilePermissions.fromString("rw-rw----"));
		Host host = host(3);
		host.write(this.file, bytes("new\n"), host.read(this.file));
		assertThat(attributes(this.file).owner()).isEqualTo(nobody);
		assertThat(attributes(this.file).group()).isEqualTo(nogroup);
		assertThat(attributes(this.file).permissions()).isEqualTo(PosixFilePermissions.fromString("rw-rw----"));
	}

	@Test
	void writeWhenFileIsNewGivesMode0640AndFolderGroup() throws IOException {
		Files.createDirectories(this.file.getParent());
		Host host = host(3);
		FileSnapshot written = host.write(this.file, bytes("new\n"), host.read(this.file));
		assertThat(written.mode()).isEqualTo(0640);
		assertThat(attributes(this.file).group()).isEqualTo(attributes(this.file.getParent()).group());
		assertThat(((HostEvents.FileWritten) this.events.get(0)).backupId()).isNull();
		assertThat(host.backups()).isEmpty();
	}

	@Test
	void writeWhenPathIsLinkReplacesTheLinkedFile() throws IOException {
		Path real = this.root.resolve("real-Caddyfile");
		Files.writeString(real, "old\n");
		Files.createDirectories(this.file.getParent());
		Files.createSymbolicLink(this.file, real);
		Host host = host(3);
		host.write(this.file, bytes("new\n"), host.read(this.file));
		assertThat(Files.isSymbolicLink(this.file)).isTrue();
		assertThat(Files.readString(real)).isEqualTo("new\n");
	}

	@Test
	void writeWhenFiveWritesAndKeepThreeKeepsNewestThreeBackups() throws IOException {
		create("v0\n");
		Host host = host(3);
		for (int i = 1; i <= 5; i++) {
			host.write(this.file, bytes("v" + i + "\n"), host.read(this.file));
		}
		List<Backup> backups = host.backups();
		assertThat(backups).hasSize(3);
		assertThat(backups).extracting(Backup::path).containsOnly(this.file);
		assertThat(backups).extracting((backup) -> new String(host.readBackup(backup), StandardCharsets.UTF_8))
			.containsExactly("v4\n", "v3\n", "v2\n");
		assertThat(backups).extracting(Backup::takenAt).isSortedAccordingTo(Comparator.reverseOrder());
		for (Backup backup : backups) {
			assertThat(host.backup(backup.id())).contains(backup);
			assertThat(backup.id()).matches("[A-Za-z0-9_-]+");
		}
		try (var files = Files.list(this.backups.resolve(BackupLocations.folderName(this.file)))) {
			assertThat(files.count()).isEqualTo(3);
		}
	}

	@Test
	void writeWhenClockStandsStillKeepsDistinctBackupsInWriteOrder() throws IOException {
		create("v0\n");
		Clock stopped = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
		Host host = host(10, stopped);
		for (int i = 1; i <= 3; i++) {
			host.write(this.file, bytes("v" + i + "\n"), host.read(this.file));
		}
		assertThat(host.backups()).extracting((backup) -> new String(host.readBackup(backup), StandardCharsets.UTF_8))
			.containsExactly("v2\n", "v1\n", "v0\n");
	}

	@Test
	void backupWhenIdIsGarbageOrEscapesReturnsEmpty() throws IOException {
		create("v0\n");
		Host host = host(3);
		host.write(this.file, bytes("v1\n"), host.read(this.file));
		Files.writeString(this.root.resolve("secret"), "secret\n");
		List<String> bad = new ArrayList<>(List.of("", "..", "../secret", "%2E%2E", "not base64 !", "AAAA"));
		bad.add(id("../secret"));
		bad.add(id("../../secret"));
		bad.add(id("..%2Fsecret/20260102T030405.000000000Z"));
		bad.add(id("%2F..%2Fsecret/20260102T030405.000000000Z"));
		bad.add(id(BackupLocations.folderName(this.file) + "/../../secret"));
		bad.add(id(BackupLocations.folderName(this.file) + "/20260102T030405.000000000Z/extra"));
		bad.add(id(BackupLocations.folderName(this.file) + "/20260102T030405.000000000Z"));
		for (String id : bad) {
			assertThat(host.backup(id)).as(id).isEmpty();
		}
		assertThat(host.backups()).hasSize(1);
	}

	private static String id(String location) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(location.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void writeTemporaryPutsCandidateBesideFileWithItsModeAndDeletesItOnClose() throws IOException {
		create("localhost {\n}\n");
		Files.setPosixFilePermissions(this.file, PosixFilePermissions.fromString("rw-r-----"));
		Path candidate;
		try (TemporaryFile temporary = host(3).writeTemporary(this.file, bytes("example.org {\n}\n"))) {
			candidate = temporary.path();
			assertThat(candidate.getParent()).isEqualTo(this.file.getParent());
			assertThat(candidate.getFileName().toString()).startsWith(".Caddyfile.");
			assertThat(Files.readString(candidate)).isEqualTo("example.org {\n}\n");
			assertThat(Files.getPosixFilePermissions(candidate))
				.isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
		}
		assertThat(candidate).doesNotExist();
		assertThat(Files.readString(this.file)).isEqualTo("localhost {\n}\n");
		assertThat(this.events).isEmpty();
	}

	@Test
	void statReportsWhatTheUserCanDo() throws IOException {
		create("x");
		Files.setPosixFilePermissions(this.file, PosixFilePermissions.fromString("rwxr-x---"));
		Host host = host(3);
		FileStatus status = host.stat(this.file);
		assertThat(status.exists()).isTrue();
		assertThat(status.directory()).isFalse();
		assertThat(status.readable()).isTrue();
		assertThat(status.executable()).isTrue();
		assertThat(status.mode()).isEqualTo(0750);
		assertThat(host.stat(this.file.getParent()).directory()).isTrue();
		assertThat(host.stat(this.root.resolve("missing")).exists()).isFalse();
	}

	@Test
	void resolveLinksFollowsEveryLinkOnThePathAndKeepsTheNamesNotMadeYet() throws IOException {
		Path real = this.root.toRealPath();
		Path www = Files.createDirectories(real.resolve("www"));
		Path inside = Files.createDirectories(www.resolve("inside"));
		Path outside = Files.createDirectories(real.resolve("outside"));
		Files.createSymbolicLink(www.resolve("absolute"), outside);
		Files.createSymbolicLink(www.resolve("relative"), Path.of("../outside"));
		Files.createSymbolicLink(www.resolve("chain"), Path.of("relative"));
		Files.createSymbolicLink(www.resolve("dangling"), real.resolve("nowhere"));
		Files.createSymbolicLink(www.resolve("back"), Path.of("../www/./inside"));
		Host host = host(3);
		assertThat(host.resolveLinks(www.resolve("site/public"))).isEqualTo(www.resolve("site/public"));
		assertThat(host.resolveLinks(www.resolve("absolute/site"))).isEqualTo(outside.resolve("site"));
		assertThat(host.resolveLinks(www.resolve("relative/site"))).isEqualTo(outside.resolve("site"));
		assertThat(host.resolveLinks(www.resolve("chain/a/b"))).isEqualTo(outside.resolve("a/b"));
		assertThat(host.resolveLinks(www.resolve("dangling/site"))).isEqualTo(real.resolve("nowhere/site"));
		assertThat(host.resolveLinks(www.resolve("back/site"))).isEqualTo(inside.resolve("site"));
		assertThat(host.resolveLinks(www.resolve("absolute/../inside")))
			.as("a path is normalised before its links are followed, as a site's root is")
			.isEqualTo(inside);
	}

	@Test
	void resolveLinksRefusesALoop() throws IOException {
		Path www = Files.createDirectories(this.root.resolve("www"));
		Files.createSymbolicLink(www.resolve("one"), Path.of("two"));
		Files.createSymbolicLink(www.resolve("two"), Path.of("one"));
		Host host = host(3);
		assertThatExceptionOfType(HostException.class).isThrownBy(() -> host.resolveLinks(www.resolve("one/site")))
			.withMessageContaining("links");
	}

	@Test
	void listGivesAFoldersEntriesSortedAndNothingForAMissingFolder() throws IOException {
		Path certificates = this.root.resolve("certificates/acme");
		Files.createDirectories(certificates.resolve("b.example"));
		Files.createDirectories(certificates.resolve("a.example"));
		Files.writeString(certificates.resolve("c.txt"), "x");
		Host host = host(3);
		assertThat(host.list(certificates)).containsExactly(certificates.resolve("a.example"),
				certificates.resolve("b.example"), certificates.resolve("c.txt"));
		assertThat(host.list(this.root.resolve("missing"))).isEmpty();
		assertThat(host.list(certificates.resolve("c.txt"))).isEmpty();
	}

	@Test
	void listWhenFolderIsNotReadableFails() throws IOException {
		assumeThat(System.getProperty("user.name")).as("root reads every folder").isNotEqualTo("root");
		Path folder = Files.createDirectories(this.root.resolve("closed"));
		Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("---------"));
		try {
			assertThatExceptionOfType(HostException.class).isThrownBy(() -> host(3).list(folder));
		}
		finally {
			Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
		}
	}

	private static PosixFileAttributes attributes(Path path) throws IOException {
		return Files.readAttributes(path, PosixFileAttributes.class);
	}

}
