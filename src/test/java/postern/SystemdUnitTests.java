package postern;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/postern.service}: hardened without breaking sudo, and writable exactly
 * where Postern (and the maddy CLI it runs) writes with the default settings.
 */
class SystemdUnitTests {

	/**
	 * Options that set no_new_privs for a service that is not root, which would stop sudo
	 * from gaining privileges.
	 */
	private static final List<String> IMPLY_NO_NEW_PRIVILEGES = List.of("SystemCallFilter", "SystemCallArchitectures",
			"RestrictAddressFamilies", "RestrictNamespaces", "RestrictSUIDSGID", "RestrictRealtime", "PrivateDevices",
			"ProtectKernelTunables", "ProtectKernelModules", "ProtectKernelLogs", "ProtectClock",
			"MemoryDenyWriteExecute", "LockPersonality", "DynamicUser");

	private static final long MB = 1024;

	private final List<String[]> settings = settings(ComposeFileTests.read("deploy/postern.service"));

	private final PosternProperties defaults = TestProperties.bind(Map.of());

	@Test
	void sudoKeepsWorking() {
		assertThat(values("NoNewPrivileges")).containsExactly("no");
		assertThat(this.settings).extracting((setting) -> setting[0])
			.doesNotContainAnyElementsOf(IMPLY_NO_NEW_PRIVILEGES);
		assertThat(values("CapabilityBoundingSet")).isEmpty();
	}

	@Test
	void theFileSystemIsReadOnlyButWhereTheManagedFilesAre() {
		assertThat(values("ProtectSystem")).containsExactly("strict");
		assertThat(values("User")).containsExactly("postern");
		List<String> writable = new ArrayList<>();
		values("ReadWritePaths").forEach((value) -> writable.addAll(List.of(value.split(" "))));
		List<String> needed = List.of(this.defaults.caddy().caddyfile().getParent().toString(),
				this.defaults.maddy().config().getParent().toString(),
				this.defaults.maddy().aliases().getParent().toString(), this.defaults.caddy().webRoot().toString(),
				this.defaults.maddy().stateDir().toString(), "-/run/maddy");
		assertThat(writable).containsExactlyInAnyOrderElementsOf(needed.stream().distinct().toList());
		// The data directory is the unit's state directory, which systemd keeps writable.
		assertThat(values("StateDirectory")).containsExactly("postern");
		assertThat(values("Environment")).contains("POSTERN_DATADIR=/var/lib/postern");
		assertThat(ComposeFileTests.bindEnvironment(Map.of("POSTERN_DATADIR", "/var/lib/postern")).dataDir())
			.isEqualTo(Path.of("/var/lib/postern"));
	}

	@Test
	void maddysRuntimeFolderSurvivesItsRestarts() {
		assertThat(settings(ComposeFileTests.read("deploy/maddy.service.d/postern.conf")))
			.anyMatch((setting) -> setting[0].equals("RuntimeDirectoryPreserve") && setting[1].equals("yes"));
	}

	@Test
	void theJvmIsStartedWithinItsMemoryLimits() throws IOException {
		List<String> options = javaOptions(execStart());
		assertThat(options).contains("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");
		// Heap, class metadata, compiled code, thread stacks and direct buffers: each
		// capped.
		assertThat(kilobytes(options, "-Xmx")).isBetween(64 * MB, 160 * MB);
		assertThat(kilobytes(options, "-XX:MaxMetaspaceSize=")).isBetween(64 * MB, 128 * MB);
		assertThat(kilobytes(options, "-XX:ReservedCodeCacheSize=")).isBetween(32 * MB, 48 * MB);
		assertThat(kilobytes(options, "-Xss")).isBetween(256L, 512L);
		assertThat(kilobytes(options, "-XX:MaxDirectMemorySize=")).isBetween(1L, 32 * MB);
		// What the C library keeps of the memory the JVM freed goes back to the system.
		assertThat(options).anyMatch((option) -> option.matches("-XX:TrimNativeHeapInterval=[1-9][0-9]*"));
		assertThat(values("Environment")).contains("MALLOC_ARENA_MAX=2");
		assertThat(applicationSetting("server.tomcat.threads.max")).isEqualTo(32);
	}

	@Test
	void startsTheExtractedJarWithTheClassArchiveOfItsStateDirectory() {
		String execStart = execStart();
		assertThat(execStart).startsWith("/usr/bin/java ").endsWith(" -jar /opt/postern/postern-app.jar");
		assertThat(javaOptions(execStart)).contains("-XX:SharedArchiveFile=/var/lib/postern/postern.jsa");
		assertThat(values("ExecStart")).hasSize(1);
		// The install step lays the jar out where the unit starts it, its libraries next
		// to it.
		assertThat(ComposeFileTests.read("docs/deploy.md"))
			.contains("extract --destination /opt/postern --application-filename postern-app.jar\n");
	}

	@Test
	void theArchiveIsMadeWhenMissingOrOlderThanTheJarWithoutStoppingTheStart() {
		List<String> pre = values("ExecStartPre");
		assertThat(pre).hasSize(1);
		// "-": a training run that fails does not stop Postern from starting.
		assertThat(pre.get(0))
			.startsWith("-/bin/sh -c 'test /var/lib/postern/postern.jsa -nt /opt/postern/postern-app.jar || exec ");
		String training = pre.get(0).replaceFirst("^.*\\|\\| exec ", "").replaceFirst("'$", "");
		assertThat(training).isEqualTo(trainingCommand(execStart()));
		assertThat(values("TimeoutStartSec")).containsExactly("300");
	}

	@Test
	void theInstallStepMakesTheArchiveAsTheUnitDoes() {
		String training = ComposeFileTests.read("docs/deploy.md")
			.lines()
			.filter((line) -> line.contains("-XX:ArchiveClassesAtExit="))
			.findFirst()
			.orElseThrow();
		assertThat(training).isEqualTo("sudo -u postern " + trainingCommand(execStart()));
	}

	@Test
	void theReadmeRunsTheJarWithTheUnitsLimits() {
		String run = ComposeFileTests.read("README.md")
			.lines()
			.filter((line) -> line.contains(" java ") && line.contains(" -jar "))
			.findFirst()
			.orElseThrow();
		assertThat(run).startsWith("MALLOC_ARENA_MAX=2 java ");
		List<String> unit = javaOptions(execStart()).stream()
			.filter((option) -> !option.startsWith("-XX:SharedArchiveFile="))
			.toList();
		assertThat(javaOptions(run.substring("MALLOC_ARENA_MAX=2 ".length()))).containsExactlyElementsOf(unit);
	}

	@Test
	void aMissingOrBrokenArchiveNeverStopsTheJvm(@TempDir Path folder) throws Exception {
		Path broken = Files.writeString(folder.resolve("postern.jsa"), "not an archive");
		for (Path archive : List.of(folder.resolve("missing.jsa"), broken)) {
			List<String> command = new ArrayList<>();
			command.add(ProcessHandle.current().info().command().orElseThrow());
			javaOptions(execStart()).stream()
				.map((option) -> option.startsWith("-XX:SharedArchiveFile=") ? "-XX:SharedArchiveFile=" + archive
						: option)
				.forEach(command::add);
			command.add("-version");
			assertThat(run(command)).as("%s with %s", command, archive).isZero();
		}
	}

	private String execStart() {
		return execStart(ComposeFileTests.read("deploy/postern.service"));
	}

	/**
	 * A unit's one {@code ExecStart} command.
	 * @param unit the unit file's text
	 * @return the command line
	 */
	static String execStart(String unit) {
		List<String> execStart = settings(unit).stream()
			.filter((setting) -> setting[0].equals("ExecStart"))
			.map((setting) -> setting[1])
			.toList();
		assertThat(execStart).hasSize(1);
		return execStart.get(0);
	}

	/**
	 * The training run of class-data sharing for a unit's {@code ExecStart}: the same JVM
	 * and options, writing the archive it reads, stopping once the application is ready,
	 * on a database in memory.
	 */
	private static String trainingCommand(String execStart) {
		List<String> options = javaOptions(execStart);
		String archive = options.stream()
			.filter((option) -> option.startsWith("-XX:SharedArchiveFile="))
			.findFirst()
			.orElseThrow()
			.substring("-XX:SharedArchiveFile=".length());
		List<String> kept = options.stream().filter((option) -> !option.startsWith("-XX:SharedArchiveFile=")).toList();
		return "/usr/bin/java " + String.join(" ", kept) + " -XX:ArchiveClassesAtExit=" + archive
				+ " -Xlog:cds=off -Dspring.context.exit=onRefresh -jar /opt/postern/postern-app.jar"
				+ " --spring.datasource.url=jdbc:h2:mem:training";
	}

	/**
	 * What stands between {@code java} and {@code -jar} in a command line.
	 * @param command e.g. the unit's {@code ExecStart}
	 * @return the JVM's options
	 */
	static List<String> javaOptions(String command) {
		List<String> words = List.of(command.split(" "));
		assertThat(words.get(0)).endsWith("java");
		assertThat(words).contains("-jar");
		return words.subList(1, words.indexOf("-jar"));
	}

	private static long kilobytes(List<String> options, String prefix) {
		List<String> values = options.stream()
			.filter((option) -> option.startsWith(prefix))
			.map((option) -> option.substring(prefix.length()))
			.toList();
		assertThat(values).as(prefix).hasSize(1);
		String value = values.get(0);
		assertThat(value).as(prefix).matches("[0-9]+[km]");
		long number = Long.parseLong(value.substring(0, value.length() - 1));
		return value.endsWith("m") ? number * MB : number;
	}

	private static Object applicationSetting(String key) throws IOException {
		return new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
			.get(0)
			.getProperty(key);
	}

	private static int run(List<String> command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s ended", command).isTrue();
		return process.exitValue();
	}

	private List<String> values(String key) {
		return this.settings.stream().filter((setting) -> setting[0].equals(key)).map((setting) -> setting[1]).toList();
	}

	private static List<String[]> settings(String unit) {
		return unit.lines()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("["))
			.map((line) -> line.split("=", 2))
			.toList();
	}

}
