package postern;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code Dockerfile} cannot be built on the build machines (no Docker engine), so it
 * is checked statically: what it copies from the repository exists and is not left out by
 * {@code .dockerignore}, every {@code --from} names a stage, the layers it copies are the
 * ones the extraction writes, it runs as a non-root user, and its {@code POSTERN_*}
 * variables are settings.
 */
class DockerfileTests {

	private static final Pattern FROM = Pattern.compile("FROM (\\S+)(?: AS (\\S+))?");

	private static final Pattern COPY = Pattern.compile("COPY (--from=(\\S+) )?(.+) (\\S+)");

	private final List<String> instructions = instructions(ComposeFileTests.read("Dockerfile"));

	@Test
	void everyFileCopiedFromTheRepositoryExistsAndReachesTheBuild() {
		List<String> sources = new ArrayList<>();
		for (String instruction : this.instructions) {
			Matcher copy = COPY.matcher(instruction);
			if (copy.matches() && copy.group(1) == null) {
				sources.addAll(List.of(copy.group(3).split(" ")));
			}
		}
		assertThat(sources).contains("mvnw", "pom.xml", ".mvn/", "src/main/", "frontend/");
		List<String> ignore = ComposeFileTests.read(".dockerignore")
			.lines()
			.filter((line) -> !line.isBlank() && !line.startsWith("#"))
			.toList();
		for (String source : sources) {
			assertThat(ComposeFileTests.ROOT.resolve(source)).exists();
			assertThat(ignored(ignore, source)).as("%s is left out by .dockerignore", source).isFalse();
		}
		assertThat(ignored(ignore, "target/postern.jar")).isTrue();
		assertThat(ignored(ignore, "data/postern.mv.db")).isTrue();
	}

	@Test
	void everyCopyFromNamesAnEarlierStage() {
		List<String> stages = new ArrayList<>();
		for (String instruction : this.instructions) {
			Matcher from = FROM.matcher(instruction);
			if (from.matches() && from.group(2) != null) {
				stages.add(from.group(2));
			}
			Matcher copy = COPY.matcher(instruction);
			if (copy.matches() && copy.group(2) != null) {
				assertThat(stages).as(instruction).contains(copy.group(2));
			}
		}
		assertThat(stages).containsExactly("build", "caddy", "maddy");
	}

	@Test
	void theRunStageStartsTheExtractedLayersAsANonRootUser() {
		String build = this.instructions.stream()
			.filter((instruction) -> instruction.contains("jarmode=tools"))
			.findFirst()
			.orElseThrow();
		assertThat(build).contains("extract --layers --destination extracted --application-filename postern.jar")
			.doesNotContain("--launcher");
		List<String> layers = this.instructions.stream()
			.map(COPY::matcher)
			.filter((copy) -> copy.matches() && "build".equals(copy.group(2)))
			.map((copy) -> copy.group(3))
			.toList();
		// Boot's default layers, from the least to the most often changed; without the
		// launcher, the loader's layer is empty.
		assertThat(layers).containsExactly("/build/extracted/dependencies/", "/build/extracted/snapshot-dependencies/",
				"/build/extracted/application/");
		List<String> runStage = runStage();
		assertThat(runStage.get(0)).isEqualTo("FROM eclipse-temurin:17-jre-alpine");
		assertThat(runStage).contains("USER 10001:10001");
		assertThat(entrypoint()).startsWith("java ").endsWith(" -jar postern.jar");
	}

	@Test
	void theImageStartsWithTheMemoryLimitsOfTheUnitAndTheArchiveItMade() {
		List<String> options = SystemdUnitTests.javaOptions(entrypoint());
		List<String> unit = SystemdUnitTests
			.javaOptions(SystemdUnitTests.execStart(ComposeFileTests.read("deploy/postern.service")));
		assertThat(options).containsExactlyElementsOf(unit.stream()
			.map((option) -> option.startsWith("-XX:SharedArchiveFile=") ? "-XX:SharedArchiveFile=postern.jsa" : option)
			.toList());
		assertThat(environment()).containsEntry("MALLOC_ARENA_MAX", "2");
		// The archive is made in the image, after the layers it archives and before the
		// image's user: the same options, a database in memory.
		List<String> runStage = runStage();
		String training = runStage.stream()
			.filter((instruction) -> instruction.contains("-XX:ArchiveClassesAtExit="))
			.findFirst()
			.orElseThrow();
		assertThat(runStage.indexOf(training))
			.isGreaterThan(runStage.indexOf("COPY --from=build /build/extracted/application/ ./"))
			.isLessThan(runStage.indexOf("USER 10001:10001"));
		assertThat(SystemdUnitTests.javaOptions(training.substring("RUN ".length())))
			.containsSubsequence(options.subList(0, options.size() - 1))
			.contains("-XX:ArchiveClassesAtExit=postern.jsa", "-Dspring.context.exit=onRefresh");
		assertThat(training).contains("-jar postern.jar --spring.datasource.url=jdbc:h2:mem:training");
	}

	/**
	 * The image's command, as the words of a command line.
	 */
	private String entrypoint() {
		List<String> runStage = runStage();
		String entrypoint = runStage.get(runStage.size() - 1);
		assertThat(entrypoint).startsWith("ENTRYPOINT [\"").endsWith("\"]");
		return String.join(" ",
				entrypoint.substring("ENTRYPOINT [\"".length(), entrypoint.length() - 2).split("\", \""));
	}

	@Test
	void theBinariesLandWhereTheSettingsLookForThem() {
		PosternProperties defaults = ComposeFileTests.bindEnvironment(environment());
		assertThat(runStage()).contains("COPY --from=caddy /usr/bin/caddy " + defaults.caddy().binary(),
				"COPY --from=maddy /bin/maddy " + defaults.maddy().binary());
	}

	@Test
	void everyPosternVariableOfTheImageIsASetting() {
		Map<String, String> environment = environment();
		assertThat(environment).containsKey("POSTERN_DATADIR");
		assertThat(ComposeFileTests.bindEnvironment(environment).dataDir()).isEqualTo(Path.of("/var/lib/postern"));
	}

	private List<String> runStage() {
		int last = 0;
		for (int i = 0; i < this.instructions.size(); i++) {
			if (this.instructions.get(i).startsWith("FROM ")) {
				last = i;
			}
		}
		return this.instructions.subList(last, this.instructions.size());
	}

	private Map<String, String> environment() {
		Map<String, String> environment = new LinkedHashMap<>();
		this.instructions.stream()
			.filter((instruction) -> instruction.startsWith("ENV "))
			.flatMap((instruction) -> List.of(instruction.substring(4).trim().split("\\s+")).stream())
			.map((pair) -> pair.split("=", 2))
			.forEach((pair) -> environment.put(pair[0], pair[1]));
		return environment;
	}

	/**
	 * Whether {@code .dockerignore} leaves a path out of the build context: the last
	 * pattern that matches decides, {@code !} re-includes.
	 */
	private static boolean ignored(List<String> patterns, String path) {
		boolean ignored = false;
		String clean = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		for (String line : patterns) {
			boolean include = line.startsWith("!");
			String pattern = (include ? line.substring(1) : line).replaceAll("/$", "");
			PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
			Path candidate = Path.of(clean);
			boolean matches = false;
			for (Path prefix = candidate; prefix != null; prefix = prefix.getParent()) {
				matches |= matcher.matches(prefix);
			}
			if (matches) {
				ignored = !include;
			}
		}
		return ignored;
	}

	/**
	 * The Dockerfile's instructions, continuation lines joined and comments left out.
	 */
	private static List<String> instructions(String dockerfile) {
		List<String> instructions = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : dockerfile.lines().toList()) {
			String stripped = line.strip();
			if (stripped.startsWith("#") || stripped.isEmpty()) {
				continue;
			}
			if (stripped.endsWith("\\")) {
				current.append(stripped, 0, stripped.length() - 1).append(' ');
				continue;
			}
			current.append(stripped);
			instructions.add(current.toString().replaceAll("\\s+", " "));
			current.setLength(0);
		}
		return instructions;
	}

}
