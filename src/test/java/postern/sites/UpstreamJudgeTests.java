package postern.sites;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import postern.sites.UpstreamJudge.Endpoint;
import postern.sites.UpstreamJudge.Judgement;
import postern.sites.UpstreamJudge.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Caddy dials, judged on the JSON the installed {@code caddy adapt} makes of a
 * Caddyfile, with the admin endpoint on {@code localhost:2019}.
 */
class UpstreamJudgeTests {

	private static final List<Endpoint> ADMIN = List.of(new Endpoint("localhost", 2019, null));

	@TempDir
	Path folder;

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1:2019", "127.0.0.1:02019", "localhost:2019", "LOCALHOST:2019", ":2019",
			"0.0.0.0:2019", "127.1:2019", "127.0.0.2:2019", "2130706433:2019", "0x7f000001:2019", "0177.0.0.1:2019",
			"0:2019", "[::1]:2019", "[::]:2019", "[0:0:0:0:0:0:0:1]:2019", "[::ffff:127.0.0.1]:2019",
			"[::ffff:7f00:1]:2019", "[::127.0.0.1]:2019", "tcp/127.0.0.1:2019", "tcp4/localhost:00002019",
			"127.0.0.1:2000-2100", "admin.internal.example:2019", "{http.request.host}:2019" })
	void dialOfTheAdminEndpointIsRefusedInEverySpelling(String dial) {
		assertThat(UpstreamJudge.dial(dial, ADMIN, Map.of())).isEqualTo(Judgement.ADMIN);
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1:8080", "localhost:20190", "[::1]:8080", "192.0.2.10:2019", "[2001:db8::1]:2019",
			"unix//run/php/php-fpm.sock", "127.0.0.1:2020-2030" })
	void dialOfAnythingElseIsAllowed(String dial) {
		assertThat(UpstreamJudge.dial(dial, ADMIN, Map.of())).isEqualTo(Judgement.OTHER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{http.request.header.X-Up}", "127.0.0.1:{http.request.header.Port}", "{env.NOT_SET}",
			"localhost:http" })
	void dialKnownOnlyWhenCaddyRunsCannotBeJudged(String dial) {
		assertThat(UpstreamJudge.dial(dial, ADMIN, Map.of())).isEqualTo(Judgement.UNKNOWN);
	}

	@Test
	void dialWithAnEnvironmentPlaceholderIsJudgedWithCaddysEnvironment() {
		assertThat(UpstreamJudge.dial("{env.UP}", ADMIN, Map.of("UP", "127.0.0.1:2019"))).isEqualTo(Judgement.ADMIN);
		assertThat(UpstreamJudge.dial("{env.UP}", ADMIN, Map.of("UP", "127.0.0.1:8080"))).isEqualTo(Judgement.OTHER);
	}

	@Test
	void dialOfTheAdminSocketIsRefused() {
		List<Endpoint> socket = List.of(new Endpoint(null, -1, Path.of("/run/caddy/admin.sock")));
		assertThat(UpstreamJudge.dial("unix//run/caddy/../caddy/admin.sock", socket, Map.of()))
			.isEqualTo(Judgement.ADMIN);
		assertThat(UpstreamJudge.dial("127.0.0.1:2019", socket, Map.of())).isEqualTo(Judgement.OTHER);
	}

	@Test
	void everyDirectiveThatDialsIsJudged() throws Exception {
		Verdict verdict = judge("""
				a.localhost {
					reverse_proxy 127.0.0.1:02019 {
						header_up Host 127.0.0.1:2019
					}
					forward_auth 127.0.0.1:2019 {
						uri /check
					}
					php_fastcgi [::1]:2019
					reverse_proxy {
						dynamic a localhost 2019
					}
					log {
						output net localhost:2019
					}
					tls {
						get_certificate http http://localhost:2019/config/
					}
				}
				""", Map.of());
		assertThat(verdict.refused()).contains("reverse_proxy 127.0.0.1:02019",
				"reverse_proxy header_up Host 127.0.0.1:2019", "reverse_proxy 127.0.0.1:2019", "php_fastcgi [::1]:2019",
				"log output net localhost:2019", "http://localhost:2019/config/");
		assertThat(verdict.refused()).anyMatch((refused) -> refused.contains("dynamic"));
	}

	@Test
	void healthChecksOnTheAdminPortAreRefused() throws Exception {
		Verdict verdict = judge("a.localhost {\n\treverse_proxy 127.0.0.1:8080 {\n\t\thealth_uri /\n"
				+ "\t\thealth_port 2019\n\t}\n}\n", Map.of());
		assertThat(verdict.refused()).containsExactly("reverse_proxy health_port 2019");
	}

	@Test
	void environmentVariablesAreExpandedAsCaddyExpandsThem() throws Exception {
		String text = "a.localhost {\n\treverse_proxy {$UP}\n}\n";
		assertThat(judge(text, Map.of("UP", "127.0.0.1:2019")).refused())
			.containsExactly("reverse_proxy 127.0.0.1:2019");
		assertThat(judge(text, Map.of("UP", "127.0.0.1:8080")).refused()).isEmpty();
	}

	@Test
	void theAdminOptionInUseIsProtectedToo() throws Exception {
		Verdict verdict = judge("{\n\tadmin 127.0.0.1:3999\n}\na.localhost {\n\treverse_proxy localhost:3999\n}\n",
				Map.of());
		assertThat(verdict.refused()).containsExactly("reverse_proxy localhost:3999");
	}

	@Test
	void upstreamsKnownOnlyWhenARequestComesCannotBeJudged() throws Exception {
		Verdict verdict = judge("a.localhost {\n\treverse_proxy {http.request.header.X-Up}\n\treverse_proxy {\n"
				+ "\t\tdynamic srv _http._tcp.example.org\n\t}\n\treverse_proxy 127.0.0.1:8080\n}\n", Map.of());
		assertThat(verdict.refused()).isEmpty();
		assertThat(verdict.unjudged()).hasSize(2)
			.contains("reverse_proxy {http.request.header.X-Up}")
			.anyMatch((unjudged) -> unjudged.contains("srv"));
	}

	@Test
	void onlyNewUnjudgedUpstreamsCount() {
		Verdict before = new Verdict(new LinkedHashSet<>(), new LinkedHashSet<>(List.of("reverse_proxy {a}")));
		Verdict after = new Verdict(new LinkedHashSet<>(),
				new LinkedHashSet<>(List.of("reverse_proxy {a}", "reverse_proxy {b}")));
		assertThat(after.newUnjudged(before)).containsExactly("reverse_proxy {b}");
	}

	private Verdict judge(String caddyfile, Map<String, String> environment) throws IOException, InterruptedException {
		return UpstreamJudge.judge(adapt(caddyfile, environment), "localhost:2019", environment);
	}

	private JsonNode adapt(String caddyfile, Map<String, String> environment) throws IOException, InterruptedException {
		Path file = Files.createTempFile(this.folder, "Caddyfile", "");
		Files.writeString(file, caddyfile, StandardCharsets.UTF_8);
		ProcessBuilder builder = new ProcessBuilder(CaddyValidate.caddy().toString(), "adapt", "--config",
				file.toString(), "--adapter", "caddyfile");
		builder.environment().clear();
		builder.environment().putAll(environment);
		Process process = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
		String json = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(json).isZero();
		return JsonMapper.builder().build().readTree(json);
	}

}
