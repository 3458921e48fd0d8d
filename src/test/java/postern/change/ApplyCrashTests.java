package postern.change;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import postern.TestServerRoot;
import postern.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.Pageable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Postern killed ({@code SIGKILL}) in the middle of an apply, then started again on the
 * same server root and database. Before this test's application starts, a child JVM
 * running Postern ({@code src/test/child-jvm/postern/change/CrashingApply.java}) applies
 * a change of the Caddyfile and is killed once between the write and the reload, and once
 * more, on the next change, between the reload and the check that Caddy runs. On restart
 * each file is either its old or its new version byte for byte, both changes are marked
 * interrupted and audited, and the dashboard names the files to check.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class ApplyCrashTests {

	static final Path CHILD_SOURCE = Path.of("src/test/child-jvm/postern/change/CrashingApply.java");

	static final Path FORWARDING_HOST = Path.of("src/test/java/postern/host/ForwardingHost.java");

	static final Path FOLDER = folder();

	static final TestServerRoot SERVER = TestServerRoot.createIn(FOLDER.resolve("server"));

	static final Path CADDYFILE = SERVER.resolve("etc/caddy/Caddyfile");

	static Crash beforeReload;

	static Crash beforeVerify;

	@Autowired
	ChangeService changes;

	@Autowired
	AuditLog auditLog;

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void serverRoot(DynamicPropertyRegistry registry) {
		SERVER.properties().forEach((key, value) -> registry.add(key, () -> value));
		registry.add("POSTERN_ADMIN_PASSWORD", () -> "crash test password 42");
	}

	@BeforeAll
	static void crashTwice() throws Exception {
		Path classes = compileChild();
		beforeReload = crash(classes, "before-reload");
		beforeVerify = crash(classes, "before-verify");
	}

	@AfterAll
	static void cleanUp() throws IOException {
		try (Stream<Path> paths = Files.walk(FOLDER)) {
			paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
	}

	@Test
	void killedBetweenWriteAndReloadLeavesOneWholeVersionAndIsMarkedInterrupted() {
		assertWholeVersion(beforeReload);
		Change change = this.changes.find(beforeReload.changeId());
		assertThat(change.getState()).isEqualTo(ChangeState.INTERRUPTED);
		assertThat(change.getSteps()).extracting(ChangeStep::getMessageKey)
			.containsExactly("change.step.written", "change.step.interrupted");
		assertThat(beforeReload.reloads()).as("systemctl reload never ran").isZero();
	}

	@Test
	void killedBetweenReloadAndVerifyLeavesOneWholeVersionAndIsMarkedInterrupted() {
		assertWholeVersion(beforeVerify);
		Change change = this.changes.find(beforeVerify.changeId());
		assertThat(change.getState()).isEqualTo(ChangeState.INTERRUPTED);
		assertThat(change.getSteps()).extracting(ChangeStep::getMessageKey)
			.containsExactly("change.step.written", "change.step.interrupted");
		assertThat(beforeVerify.reloads()).as("systemctl reload ran once").isEqualTo(1);
	}

	@Test
	void bothAreAuditedAndTheDashboardSaysWhatToCheck() throws Exception {
		assertThat(this.auditLog.find("change " + beforeReload.changeId() + ":", Pageable.ofSize(10)).getContent())
			.anySatisfy((event) -> assertThat(event.getAction()).isEqualTo("change.interrupted"));
		assertThat(this.auditLog.find("change " + beforeVerify.changeId() + ":", Pageable.ofSize(10)).getContent())
			.anySatisfy((event) -> assertThat(event.getAction()).isEqualTo("change.interrupted"));
		this.mvc.perform(get("/").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Interrupted changes"),
					containsString("href=\"/changes/" + beforeReload.changeId() + "\""),
					containsString("href=\"/changes/" + beforeVerify.changeId() + "\""),
					containsString("<code>" + CADDYFILE + "</code>"), containsString("then reload: caddy"))));
	}

	private static void assertWholeVersion(Crash crash) {
		assertThat(crash.after()).as("the Caddyfile after the kill is the old or the new one")
			.satisfiesAnyOf((bytes) -> assertThat(bytes).isEqualTo(crash.before()),
					(bytes) -> assertThat(bytes).isEqualTo(crash.next()));
		// The write had finished before the stop point: it is the new one
		assertThat(crash.after()).isEqualTo(crash.next());
		assertThat(crash.leftovers()).as("no temp file left next to the Caddyfile").isEmpty();
	}

	/**
	 * Run the child until it stops at a point, kill it, and record the files.
	 */
	private static Crash crash(Path classes, String point) throws Exception {
		byte[] before = Files.readAllBytes(CADDYFILE);
		String block = "\ncrash-" + point + ".example.org {\n\trespond \"" + point + "\"\n}\n";
		byte[] next = (new String(before, StandardCharsets.UTF_8) + block).getBytes(StandardCharsets.UTF_8);
		Path nextFile = Files.write(FOLDER.resolve(point + ".next"), next);
		Path marker = FOLDER.resolve(point + ".marker");
		Path log = FOLDER.resolve(point + ".log");
		int reloadsBefore = reloads();
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
				classes + File.pathSeparator + mainClassPath(), "postern.change.CrashingApply", point,
				marker.toString(), nextFile.toString()));
		SERVER.properties().forEach((key, value) -> command.add("--" + key + "=" + value));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("POSTERN_ADMIN_PASSWORD", "crash test password 42");
		Process child = builder.start();
		try {
			long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
			while (!Files.exists(marker)) {
				assertThat(child.isAlive()).as("the child stopped early:\n" + Files.readString(log)).isTrue();
				assertThat(System.nanoTime()).as("the child never reached " + point).isLessThan(deadline);
				Thread.sleep(100);
			}
		}
		finally {
			child.destroyForcibly();
			child.waitFor();
		}
		assertThat(Files.readString(log)).as("the child's web server took a free port, never the configured 8080")
			.containsPattern("started on port [0-9]+")
			.doesNotContain("started on port 8080");
		long changeId = Long.parseLong(Files.readString(marker).strip());
		List<Path> leftovers;
		try (Stream<Path> files = Files.list(CADDYFILE.getParent())) {
			leftovers = files.filter((file) -> !file.equals(CADDYFILE)).collect(Collectors.toList());
		}
		return new Crash(changeId, before, next, Files.readAllBytes(CADDYFILE), leftovers, reloads() - reloadsBefore);
	}

	/**
	 * How many times the systemctl stand-in reloaded Caddy, from the journal it keeps.
	 */
	private static int reloads() throws IOException {
		Path journal = SERVER.resolve("state/journal/caddy.service");
		if (!Files.exists(journal)) {
			return 0;
		}
		return (int) Files.readAllLines(journal)
			.stream()
			.filter((line) -> line.endsWith("Reloaded caddy.service."))
			.count();
	}

	/**
	 * The main classes and the libraries, without the test classes: the child is Postern
	 * as it runs in production, plus its own two classes.
	 */
	private static String mainClassPath() {
		return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter((entry) -> !entry.endsWith("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static Path compileChild() throws IOException {
		Path classes = Files.createDirectories(FOLDER.resolve("child-classes"));
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		assertThat(compiler).as("a JDK with javac").isNotNull();
		int status = compiler.run(null, null, null, "-d", classes.toString(), "-cp", mainClassPath(),
				CHILD_SOURCE.toString(), FORWARDING_HOST.toString());
		assertThat(status).as("javac of " + CHILD_SOURCE).isZero();
		return classes;
	}

	private static Path folder() {
		try {
			return Files.createTempDirectory("postern-apply-crash");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Crash(long changeId, byte[] before, byte[] next, byte[] after, List<Path> leftovers, int reloads) {
	}

}
