package postern;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import postern.mail.AliasesFile;
import postern.mail.MaddyConf;
import postern.mail.RewriteStep;
import postern.sites.Caddyfile;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code docker-compose.yml} cannot be started on the build machines (no Docker engine),
 * so it is checked statically: it parses, every volume and file it names exists, every
 * {@code POSTERN_*} variable is a real setting with a valid value, Caddy's admin API is
 * never published, and the sample files it seeds are ones Postern reads.
 */
class ComposeFileTests {

	static final Path ROOT = Path.of("").toAbsolutePath();

	private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

	private final Map<String, Object> compose = load(ROOT.resolve("docker-compose.yml"));

	@Test
	void startsPosternCaddyAndMaddyAfterTheSetup() {
		assertThat(services()).containsOnlyKeys("setup", "caddy", "maddy", "postern");
		assertThat(service("caddy").get("image")).asString().startsWith("caddy:");
		assertThat(service("maddy").get("image")).asString().startsWith("foxcpp/maddy:");
		for (String name : List.of("caddy", "maddy", "postern")) {
			assertThat(map(service(name).get("depends_on")).get("setup"))
				.isEqualTo(Map.of("condition", "service_completed_successfully"));
		}
	}

	@Test
	void everyNamedVolumeIsDeclaredAndEveryDeclaredOneIsUsed() {
		Set<String> declared = map(this.compose.get("volumes")).keySet();
		List<String> used = new ArrayList<>();
		services().forEach((name, service) -> mounts(map(service)).stream()
			.filter((mount) -> mount.type().equals("volume"))
			.forEach((mount) -> used.add(mount.source())));
		assertThat(declared).containsAll(used);
		assertThat(used).containsAll(declared);
	}

	@Test
	void everyFileMountedFromTheRepositoryExists() {
		List<Mount> binds = new ArrayList<>();
		services().values()
			.forEach((service) -> mounts(map(service)).stream()
				.filter((mount) -> mount.type().equals("bind"))
				.forEach(binds::add));
		assertThat(binds).isNotEmpty();
		binds.forEach((bind) -> assertThat(ROOT.resolve(bind.source()).normalize()).exists());
		// The setup's script is reached through its bind mount.
		Map<String, Object> setup = service("setup");
		String script = list(setup.get("entrypoint")).get(1);
		assertThat(hostPath(mounts(setup), script)).hasValueSatisfying((path) -> assertThat(path).isRegularFile());
	}

	@Test
	void everyPosternVariableIsASettingWithAValidValue() {
		PosternProperties properties = bindEnvironment(environment(service("postern")));
		assertThat(properties.caddy().reload()).isEqualTo(PosternProperties.CaddyReload.ADMIN_API);
		assertThat(properties.maddy().commandPrefix()).isEmpty();
		assertThat(properties.systemctl().commandPrefix()).isEmpty();
		assertThat(properties.maddy().stateDir()).isEqualTo(Path.of("/data"));
		assertThat(properties.dataDir()).isEqualTo(Path.of("/var/lib/postern"));
		assertThat(Validation.buildDefaultValidatorFactory().getValidator().validate(properties)).isEmpty();
	}

	@Test
	void aVariableThatIsNoSettingIsRefused() {
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bindEnvironment(Map.of("POSTERN_CADDY_RELOADER", "admin-api")));
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bindEnvironment(Map.of("POSTERN_CADDY_ADMIN_URL", "http://localhost:2019")));
		assertThatExceptionOfType(BindException.class)
			.isThrownBy(() -> bindEnvironment(Map.of("POSTERN_ADMIN_PASSWORDS", "x")));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> bindEnvironment(Map.of("POSTERN_caddy_reload", "admin-api")));
	}

	@Test
	void everyManagedPathIsOnAVolumeOfPostern() {
		PosternProperties properties = bindEnvironment(environment(service("postern")));
		List<Mount> mounts = mounts(service("postern"));
		for (Path path : List.of(properties.caddy().caddyfile(), properties.caddy().webRoot(),
				properties.caddy().dataDir(), properties.maddy().config(), properties.maddy().aliases(),
				properties.maddy().stateDir(), properties.dataDir())) {
			assertThat(mounts).as("a volume holding %s", path)
				.anySatisfy((mount) -> assertThat(path).startsWithRaw(Path.of(mount.target())));
		}
		// The edited files sit in folders on volumes, so a write can rename over them.
		assertThat(mounts).extracting(Mount::target)
			.doesNotContain(properties.caddy().caddyfile().toString(), properties.maddy().aliases().toString(),
					properties.maddy().config().toString());
	}

	@Test
	void caddysAdminApiIsReachedOnLoopbackAndNeverPublished() {
		services().forEach((name, service) -> {
			for (Object port : rawList(map(service).getOrDefault("ports", List.of()))) {
				assertThat(containerPort(port)).as("a port %s publishes", name).isNotEqualTo("2019");
			}
		});
		Map<String, Object> postern = service("postern");
		assertThat(postern.get("network_mode")).isEqualTo("service:caddy");
		URI admin = bindEnvironment(environment(postern)).caddy().adminUrl();
		assertThat(admin.getHost()).isIn(LOOPBACK);
		Caddyfile caddyfile = Caddyfile.parse(read("deploy/compose/Caddyfile"));
		List<String> adminOption = caddyfile.globalOptions().orElseThrow().segments("admin").get(0).args();
		assertThat(adminOption).containsExactly(admin.getHost() + ":" + admin.getPort());
		assertThat(caddyfile.block(":80").orElseThrow().segments("reverse_proxy").get(0).args())
			.containsExactly("127.0.0.1:8080");
	}

	@Test
	void theSampleCaddyfileIsValid(@TempDir Path folder) throws Exception {
		String errors = validateCaddyfile(folder, read("deploy/compose/Caddyfile"));
		assertThat(errors).isNull();
	}

	@Test
	void theSampleMaddyFilesAreOnesPosternReads() {
		PosternProperties properties = bindEnvironment(environment(service("postern")));
		MaddyConf conf = MaddyConf.parse(read("deploy/compose/maddy.conf"));
		assertThat(conf.hostname()).isPresent();
		assertThat(conf.localDomains()).containsExactly(conf.primaryDomain().orElseThrow());
		assertThat(conf.rewriteSteps()).filteredOn((step) -> step.kind() == RewriteStep.Kind.FILE)
			.extracting(RewriteStep::from)
			.containsExactly(properties.maddy().aliases().toString());
		assertThat(conf.rewriteSteps()).noneMatch(RewriteStep::catchAll);
		assertThat(conf.text()).containsPattern("(?m)^state_dir " + properties.maddy().stateDir() + "$");
		assertThat(AliasesFile.parse(read("deploy/compose/aliases")).problems()).isEmpty();
		List<Mount> maddy = mounts(service("maddy"));
		assertThat(list(service("maddy").get("entrypoint"))).containsSubsequence("-config",
				properties.maddy().config().toString());
		assertThat(maddy).anySatisfy((mount) -> assertThat(mount.target()).isEqualTo("/data"));
	}

	@Test
	void theCaddyAndMaddyImagesAreTheOnesThePosternImageTakesItsBinariesFrom() {
		String dockerfile = read("Dockerfile");
		assertThat(dockerfile).containsPattern("(?m)^FROM " + service("caddy").get("image") + " AS caddy$");
		assertThat(dockerfile).containsPattern("(?m)^FROM " + service("maddy").get("image") + " AS maddy$");
	}

	/**
	 * Bind {@code POSTERN_*} environment variables as Spring does (relaxed binding), over
	 * the defaults of {@code application.yml}, refusing any variable that is no setting.
	 * Names must have the canonical form (dots to {@code _}, dashes dropped:
	 * {@code POSTERN_CADDY_ADMINURL}); Spring also takes {@code POSTERN_CADDY_ADMIN_URL},
	 * but that form cannot be told apart from a mistake.
	 * @param environment the variables
	 * @return the settings
	 * @throws BindException when a variable names no setting or has a value that does not
	 * convert
	 */
	static PosternProperties bindEnvironment(Map<String, String> environment) {
		Map<String, Object> settings = new TreeMap<>();
		environment.forEach((name, value) -> {
			if (!name.startsWith("POSTERN_")) {
				return;
			}
			if (name.equals(adminPasswordVariable())) {
				return;
			}
			if (!name.matches("POSTERN_[A-Z0-9_]+")) {
				throw new IllegalArgumentException("Not a setting: " + name);
			}
			settings.put(name, value);
		});
		StandardEnvironment spring = new StandardEnvironment();
		spring.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		spring.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		SystemEnvironmentPropertySource variables = new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, settings);
		spring.getPropertySources().addFirst(variables);
		try {
			new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
				.forEach(spring.getPropertySources()::addLast);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Binder(ConfigurationPropertySources.from(spring.getPropertySources()),
				new PropertySourcesPlaceholdersResolver(spring))
			.bind("postern", Bindable.of(PosternProperties.class),
					new NoUnboundElementsBindHandler(BindHandler.DEFAULT,
							(source) -> source.getUnderlyingSource() == variables))
			.get();
	}

	/**
	 * The one {@code POSTERN_*} variable that is no setting: the first admin's password,
	 * read by the security feature itself.
	 */
	private static String adminPasswordVariable() {
		try {
			var field = Class.forName("postern.security.AdminBootstrap").getDeclaredField("PASSWORD_VARIABLE");
			field.setAccessible(true);
			return (String) field.get(null);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String validateCaddyfile(Path folder, String text) throws IOException, InterruptedException {
		Path caddy = SystemBinaries.require("caddy", Path.of("/usr/bin/caddy"), Path.of("/usr/local/bin/caddy"));
		Path file = folder.resolve("Caddyfile");
		Files.writeString(file, text, StandardCharsets.UTF_8);
		// Caddy keeps what validation provisions (its local authority) under $HOME.
		ProcessBuilder builder = new ProcessBuilder(caddy.toString(), "validate", "--config", file.toString(),
				"--adapter", "caddyfile")
			.redirectErrorStream(true);
		builder.environment().put("HOME", folder.toString());
		builder.environment().put("XDG_DATA_HOME", folder.resolve("data").toString());
		builder.environment().put("XDG_CONFIG_HOME", folder.resolve("config").toString());
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
			process.destroyForcibly();
			return "timed out";
		}
		return (process.exitValue() == 0) ? null : output;
	}

	private Map<String, Object> services() {
		return map(this.compose.get("services"));
	}

	private Map<String, Object> service(String name) {
		assertThat(services()).containsKey(name);
		return map(services().get(name));
	}

	static Map<String, String> environment(Map<String, Object> service) {
		Object environment = service.get("environment");
		Map<String, String> variables = new LinkedHashMap<>();
		if (environment instanceof Map<?, ?> entries) {
			entries.forEach((name, value) -> variables.put(name.toString(), (value != null) ? value.toString() : ""));
		}
		else if (environment instanceof List<?> lines) {
			lines.forEach((line) -> {
				String[] parts = line.toString().split("=", 2);
				variables.put(parts[0], (parts.length > 1) ? parts[1] : "");
			});
		}
		return variables;
	}

	/**
	 * A service's mounts, from the short ({@code source:target[:mode]}) and the long
	 * syntax.
	 */
	static List<Mount> mounts(Map<String, Object> service) {
		List<Mount> mounts = new ArrayList<>();
		for (Object volume : rawList(service.getOrDefault("volumes", List.of()))) {
			if (volume instanceof Map<?, ?> entry) {
				mounts.add(new Mount(entry.get("type").toString(), entry.get("source").toString(),
						entry.get("target").toString()));
			}
			else {
				String[] parts = volume.toString().split(":");
				String source = parts[0];
				boolean bind = source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
				mounts.add(new Mount(bind ? "bind" : "volume", source, parts[1]));
			}
		}
		return mounts;
	}

	private static Optional<Path> hostPath(List<Mount> mounts, String containerPath) {
		return mounts.stream()
			.filter((mount) -> mount.type().equals("bind"))
			.filter((mount) -> Path.of(containerPath).startsWith(mount.target()))
			.map((mount) -> ROOT.resolve(mount.source())
				.resolve(Path.of(mount.target()).relativize(Path.of(containerPath)))
				.normalize())
			.findFirst();
	}

	private static String containerPort(Object port) {
		if (port instanceof Map<?, ?> entry) {
			return String.valueOf(entry.get("target"));
		}
		String text = port.toString();
		String target = text.substring(text.lastIndexOf(':') + 1);
		return target.replaceFirst("/.*$", "");
	}

	static Map<String, Object> load(Path file) {
		return new Yaml().load(readFile(file));
	}

	static String read(String relative) {
		return readFile(ROOT.resolve(relative));
	}

	private static String readFile(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

	@SuppressWarnings("unchecked")
	static List<Object> rawList(Object value) {
		assertThat(value).isInstanceOf(List.class);
		return (List<Object>) value;
	}

	static List<String> list(Object value) {
		return rawList(value).stream().map(String::valueOf).toList();
	}

	/**
	 * One mount of a service.
	 *
	 * @param type {@code volume} or {@code bind}
	 * @param source the volume's name, or the path on the host
	 * @param target the path in the container
	 */
	record Mount(String type, String source, String target) {
	}

}
