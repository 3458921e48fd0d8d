package postern.sites;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import postern.TestServerRoot;
import postern.PosternProperties;
import postern.PosternProperties.CaddyReload;
import postern.change.ApplyOutcome;
import postern.change.Change;
import postern.change.ChangeRequest;
import postern.change.ChangeService;
import postern.change.ChangeStep;
import postern.change.ChangeState;
import postern.change.FileEdit;
import postern.host.CommandCatalogue;
import postern.host.FileSnapshot;
import postern.host.Hosts;
import postern.system.SystemdUnits;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Changes applied to a real {@code caddy run} on loopback (its own admin port, an HTTP
 * site on a free port, no automatic HTTPS, storage in a temporary folder): an applied
 * change is served, and a change whose validation or reload fails leaves the previous
 * file on disk and the previous configuration live.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class CaddyLiveTests {

	static final Path FOLDER = folder();

	static final int ADMIN_PORT = freePort();

	static final int HTTP_PORT = freePort();

	static final String SITE = "http://127.0.0.1:" + HTTP_PORT;

	static final TestServerRoot SERVER = TestServerRoot.createIn(FOLDER.resolve("server"));

	static final Path CADDYFILE = FOLDER.resolve("etc/caddy/Caddyfile");

	static final Path WEB_ROOT = FOLDER.resolve("www");

	static Process caddy;

	@Autowired
	SiteService sites;

	@Autowired
	ChangeService changes;

	@Autowired
	Hosts hosts;

	@Autowired
	MockMvc mvc;

	@DynamicPropertySource
	static void liveCaddy(DynamicPropertyRegistry registry) {
		SERVER.properties().forEach((key, value) -> registry.add(key, () -> value));
		registry.add("POSTERN_ADMIN_PASSWORD", () -> "live caddy test password 42");
		registry.add("postern.caddy.caddyfile", CADDYFILE::toString);
		registry.add("postern.caddy.web-root", WEB_ROOT::toString);
		registry.add("postern.caddy.reload", () -> "caddy-cli");
		registry.add("postern.caddy.admin-url", () -> "http://127.0.0.1:" + ADMIN_PORT);
	}

	@BeforeAll
	static void startCaddy() throws Exception {
		Path binary = CaddyValidate.caddy();
		Files.createDirectories(CADDYFILE.getParent());
		for (String version : List.of("one", "two", "three")) {
			Files.createDirectories(WEB_ROOT.resolve(version));
			Files.writeString(WEB_ROOT.resolve(version).resolve("index.html"), "version " + version + "\n");
		}
		Files.writeString(CADDYFILE, initialCaddyfile());
		ProcessBuilder builder = new ProcessBuilder(binary.toString(), "run", "--config", CADDYFILE.toString(),
				"--adapter", "caddyfile")
			.redirectErrorStream(true)
			.redirectOutput(FOLDER.resolve("caddy.log").toFile());
		Map<String, String> environment = builder.environment();
		environment.put("HOME", FOLDER.toString());
		environment.put("XDG_DATA_HOME", FOLDER.resolve("data").toString());
		environment.put("XDG_CONFIG_HOME", FOLDER.resolve("config").toString());
		caddy = builder.start();
		Process started = caddy;
		Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (get("http://127.0.0.1:" + ADMIN_PORT + "/config/") == null) {
			if (System.nanoTime() > deadline || !caddy.isAlive()) {
				throw new IllegalStateException(
						"caddy did not start: " + Files.readString(FOLDER.resolve("caddy.log")));
			}
			Thread.sleep(100);
		}
	}

	@AfterAll
	static void stopCaddy() throws InterruptedException {
		if (caddy != null) {
			caddy.destroy();
			if (!caddy.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
				caddy.destroyForcibly();
			}
		}
	}

	@BeforeEach
	void startFromVersionOne() throws Exception {
		Change change = this.changes.preview(ChangeRequest.titled(null, List.of(), "reset live test",
				List.of(FileEdit.validated(read(), initialCaddyfile().getBytes(StandardCharsets.UTF_8), "caddyfile")),
				List.of("caddy")));
		if (!change.getFiles().get(0).getDiff().isEmpty()) {
			assertThat(this.changes.apply(change.getId())).isEqualTo(ApplyOutcome.APPLIED);
		}
		assertThat(get(SITE + "/")).isEqualTo("version one\n");
	}

	@Test
	void anAppliedEditIsServed() {
		Change change = this.sites.previewEdit(SITE, input(WEB_ROOT.resolve("two").toString()));
		assertThat(change.isValid()).as(change.getFiles().get(0).getValidationOutput()).isTrue();
		assertThat(this.changes.apply(change.getId())).isEqualTo(ApplyOutcome.APPLIED);
		assertThat(get(SITE + "/")).isEqualTo("version two\n");
	}

	@Test
	void theAdminApiStrategyLoadsTheAdaptedFile() throws Exception {
		Caddyfile file = Caddyfile.parse(read().content());
		Site three = new Site(SiteKind.STATIC, List.of(SITE), WEB_ROOT.resolve("three").toString(), false, false,
				List.of(), null, null, null);
		byte[] candidate = file.replace(file.block(SITE).orElseThrow(), SiteBlocks.write(three, SiteBlocksTests.TABS))
			.bytes();
		Change change = this.changes.preview(ChangeRequest.titled(null, List.of(), "admin api",
				List.of(FileEdit.validated(read(), candidate, "caddyfile")), List.of("caddy-admin-api")));
		assertThat(this.changes.apply(change.getId())).isEqualTo(ApplyOutcome.APPLIED);
		assertThat(get(SITE + "/")).isEqualTo("version three\n");
		assertThat(this.changes.find(change.getId()).getSteps())
			.anySatisfy((step) -> assertThat(step.getOutput()).contains("/load: HTTP 200"));
	}

	@Test
	void aFailingReloadRestoresTheFileAndTheLiveConfigStays() throws Exception {
		byte[] before = Files.readAllBytes(CADDYFILE);
		try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			String text = "http://127.0.0.1:" + busy.getLocalPort() + " {\n\trespond \"never\"\n}";
			Change change = this.sites.previewRaw(SITE, text, false);
			assertThat(change.isValid()).as("caddy validate opens no listener").isTrue();
			assertThat(this.changes.apply(change.getId())).isEqualTo(ApplyOutcome.ROLLED_BACK);
			Change done = this.changes.find(change.getId());
			assertThat(done.getState()).isEqualTo(ChangeState.ROLLED_BACK);
			assertThat(done.getSteps())
				.anySatisfy((step) -> assertThat(step.getOutput()).contains("address already in use"));
		}
		assertThat(Files.readAllBytes(CADDYFILE)).isEqualTo(before);
		assertThat(get(SITE + "/")).isEqualTo("version one\n");
	}

	@Test
	void anUnknownDirectiveNeverReachesTheFileOrCaddy() throws Exception {
		byte[] before = Files.readAllBytes(CADDYFILE);
		org.assertj.core.api.Assertions.assertThatExceptionOfType(SiteFieldException.class)
			.isThrownBy(() -> this.sites.previewRaw(SITE, SITE + " {\n\tfile_servr\n}", false))
			.satisfies((ex) -> assertThat(ex.getMessageKey()).isEqualTo("sites.error.raw.invalid"));
		assertThat(Files.readAllBytes(CADDYFILE)).isEqualTo(before);
		assertThat(get(SITE + "/")).isEqualTo("version one\n");
	}

	@Test
	void theCaddyCliReloadGoesToTheAdminAddressTheCaddyfileNames() throws Exception {
		Caddyfile file = Caddyfile.parse(read().content());
		Site two = new Site(SiteKind.STATIC, List.of(SITE), WEB_ROOT.resolve("two").toString(), false, false, List.of(),
				null, null, null);
		byte[] candidate = file.replace(file.block(SITE).orElseThrow(), SiteBlocks.write(two, SiteBlocksTests.TABS))
			.bytes();
		Change change = this.changes.preview(ChangeRequest.titled(null, List.of(), "admin in the file",
				List.of(FileEdit.validated(read(), candidate, "caddyfile")), List.of("caddy-admin-down")));
		// postern.caddy.admin-url of this reloader points where nothing listens
		assertThat(this.changes.apply(change.getId())).isEqualTo(ApplyOutcome.APPLIED);
		assertThat(this.changes.find(change.getId()).getSteps())
			.anySatisfy((step) -> assertThat(step.getOutput()).contains("127.0.0.1:" + ADMIN_PORT + "/config/"));
		assertThat(get(SITE + "/")).isEqualTo("version two\n");
	}

	@Test
	void theAdminApiReloadGoesToTheAdminAddressTheCaddyfileNames() throws Exception {
		Caddyfile file = Caddyfile.parse(read().content());
		Site three = new Site(SiteKind.STATIC, List.of(SITE), WEB_ROOT.resolve("three").toString(), false, false,
				List.of(), null, null, null);
		byte[] candidate = file.replace(file.block(SITE).orElseThrow(), SiteBlocks.write(three, SiteBlocksTests.TABS))
			.bytes();
		Change change = this.changes.preview(ChangeRequest.titled(null, List.of(), "admin API in the file",
				List.of(FileEdit.validated(read(), candidate, "caddyfile")), List.of("caddy-admin-api-down")));
		assertThat(this.changes.apply(change.getId())).isEqualTo(ApplyOutcome.APPLIED);
		Change done = this.changes.find(change.getId());
		assertThat(done.getSteps()).extracting(ChangeStep::getMessageKey)
			.containsSubsequence("change.step.written", "change.step.reloaded");
		assertThat(done.getSteps()).anySatisfy((step) -> assertThat(step.getOutput()).contains("caddy adapt: ok")
			.contains("POST http://127.0.0.1:" + ADMIN_PORT + "/load: HTTP 200"));
		assertThat(get(SITE + "/")).isEqualTo("version three\n");
	}

	@Test
	void theReloadButtonOfTheServicesPageMakesAHandEditLive() throws Exception {
		Files.writeString(CADDYFILE,
				initialCaddyfile().replace(WEB_ROOT.resolve("one").toString(), WEB_ROOT.resolve("two").toString()));

		this.mvc
			.perform(post("/services/caddy/reload").with(user("admin").roles("ADMIN"))
				.with(csrf())
				.header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("caddy reload (postern.caddy.reload=caddy-cli)"),
					containsString("caddy reload: exit code 0"))));
		assertThat(get(SITE + "/")).isEqualTo("version two\n");
	}

	private static SiteInput input(String root) {
		return new SiteInput("static", SITE, root, false, false, null, null, null, null, null, null, null, false);
	}

	private FileSnapshot read() {
		return this.hosts.current().read(CADDYFILE);
	}

	static String initialCaddyfile() {
		return "# Live test of Postern's reloads\n{\n\tadmin 127.0.0.1:" + ADMIN_PORT + "\n\tauto_https off\n"
				+ "\tstorage file_system " + FOLDER.resolve("storage") + "\n}\n\n" + SITE + " {\n\troot * "
				+ WEB_ROOT.resolve("one") + "\n\tfile_server\n}\n";
	}

	static String get(String url) {
		try {
			HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection(Proxy.NO_PROXY);
			connection.setConnectTimeout(2000);
			connection.setReadTimeout(5000);
			try {
				int status = connection.getResponseCode();
				if (status != 200) {
					return "HTTP " + status;
				}
				try (InputStream body = connection.getInputStream()) {
					return new String(body.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
			finally {
				connection.disconnect();
			}
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static Path folder() {
		try {
			Path folder = Files.createTempDirectory("postern-live-caddy");
			folder.toFile().deleteOnExit();
			return folder.toRealPath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static PosternProperties with(PosternProperties properties, CaddyReload reload, URI adminUrl) {
		PosternProperties.Caddy caddy = properties.caddy();
		return new PosternProperties(properties.dataDir(), properties.maddy(),
				new PosternProperties.Caddy(caddy.binary(), caddy.caddyfile(), caddy.webRoot(), caddy.dataDir(), reload,
						adminUrl),
				properties.units(), properties.systemctl(), properties.backups(), properties.server(), properties.dns(),
				properties.health(), properties.security());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class OtherStrategies {

		@Bean
		CaddyReloader adminApiReloader(PosternProperties properties, CommandCatalogue catalogue, SystemdUnits units) {
			return new CaddyReloader("caddy-admin-api",
					with(properties, CaddyReload.ADMIN_API, properties.caddy().adminUrl()), catalogue, units);
		}

		@Bean
		CaddyReloader adminDownReloader(PosternProperties properties, CommandCatalogue catalogue, SystemdUnits units) {
			return new CaddyReloader("caddy-admin-down",
					with(properties, CaddyReload.CADDY_CLI, URI.create("http://127.0.0.1:" + freePort())), catalogue,
					units);
		}

		@Bean
		CaddyReloader adminApiDownReloader(PosternProperties properties, CommandCatalogue catalogue,
				SystemdUnits units) {
			return new CaddyReloader("caddy-admin-api-down",
					with(properties, CaddyReload.ADMIN_API, URI.create("http://127.0.0.1:" + freePort())), catalogue,
					units);
		}

	}

}
