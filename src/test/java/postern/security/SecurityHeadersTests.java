package postern.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import postern.PosternIntegrationTests;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headers and cookies as a browser gets them, over real HTTP to the server on loopback,
 * which is a trusted proxy by default: {@code X-Forwarded-Proto: https} from it makes the
 * request secure (HSTS, {@code Secure} cookie). {@link TrustedProxiesTests} shows that
 * other addresses are not believed.
 */
class SecurityHeadersTests extends PosternIntegrationTests {

	private static final Pattern INLINE = Pattern.compile(
			"\\sstyle\\s*=|\\son[a-z]+\\s*=|<style|<script(?![^>]*\\bth:src=)(?![^>]*\\bsrc=)|javascript:",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	int port;

	@Test
	void everyPageCarriesTheSecurityHeaders() throws Exception {
		HttpResponse<String> response = get("/login", null);
		String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(csp).contains("default-src 'self'", "script-src 'self'", "style-src 'self'",
				"frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'");
		assertThat(csp).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
		assertThat(response.headers().firstValue("Permissions-Policy")).get().asString().contains("camera=()");
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
	}

	@Test
	void plainHttpGetsNoHstsAndACookieWithoutSecure() throws Exception {
		HttpResponse<String> response = get("/login", null);
		assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
		String cookie = csrfCookie(response);
		assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
		assertThat(cookie).doesNotContainIgnoringCase("Secure;").doesNotEndWith("Secure");
	}

	@Test
	void httpsThroughATrustedProxyGetsHstsAndASecureCookie() throws Exception {
		HttpResponse<String> response = get("/login", "https");
		assertThat(response.headers().firstValue("Strict-Transport-Security")).get()
			.asString()
			.contains("max-age=31536000")
			.contains("includeSubDomains");
		String cookie = csrfCookie(response);
		assertThat(cookie).containsIgnoringCase("Secure")
			.containsIgnoringCase("HttpOnly")
			.containsIgnoringCase("SameSite=Strict");
	}

	@Test
	void theSessionCookieOfALoginOverHttpsIsSecure() throws Exception {
		HttpResponse<String> page = get("/login", "https");
		String csrf = csrfCookie(page).split(";", 2)[0];
		Matcher token = CSRF_FIELD.matcher(page.body());
		assertThat(token.find()).isTrue();
		String form = "username=admin&password=" + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> login = this.client
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/login"))
				.header("X-Forwarded-Proto", "https")
				.header("Cookie", csrf)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().allValues("Set-Cookie")).filteredOn((cookie) -> cookie.startsWith("JSESSIONID="))
			.singleElement()
			.asString()
			.containsIgnoringCase("Secure")
			.containsIgnoringCase("HttpOnly")
			.containsIgnoringCase("SameSite=Strict");
	}

	@Test
	void aSignedInClientThatSendsOnlyItsSessionKeepsOneTokenInTheSession() throws Exception {
		String session = signIn();
		HttpResponse<String> first = send(page("/account").header("Cookie", session).build());
		HttpResponse<String> second = send(page("/account").header("Cookie", session).build());
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().allValues("Set-Cookie").stream().filter((c) -> c.startsWith("XSRF-TOKEN=")))
			.as("a token kept in the session needs no cookie")
			.isEmpty();
		assertThat(second.headers().allValues("Set-Cookie")).isEmpty();
		Matcher token = CSRF_FIELD.matcher(second.body());
		assertThat(token.find()).isTrue();
		HttpResponse<String> logout = send(page("/logout").header("Cookie", session)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString("_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
			.build());
		assertThat(logout.statusCode()).isEqualTo(302);
		assertThat(logout.headers().firstValue("Location")).get().asString().endsWith("/login?logout");
	}

	/** Signs in as a script does, and keeps only the session's cookie. */
	private String signIn() throws Exception {
		HttpResponse<String> page = get("/login", null);
		String csrf = csrfCookie(page).split(";", 2)[0];
		Matcher token = CSRF_FIELD.matcher(page.body());
		assertThat(token.find()).isTrue();
		String form = "username=admin&password=" + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> login = send(page("/login").header("Cookie", csrf)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
		assertThat(login.statusCode()).isEqualTo(302);
		return login.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith("JSESSIONID="))
			.map((cookie) -> cookie.split(";", 2)[0])
			.findFirst()
			.orElseThrow();
	}

	private HttpRequest.Builder page(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void noTemplateUsesInlineScriptOrStyleThatTheCspWouldBlock() throws IOException {
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			List<Path> templates = files.filter((path) -> path.toString().endsWith(".html")).toList();
			assertThat(templates).isNotEmpty();
			for (Path template : templates) {
				assertThat(INLINE.matcher(Files.readString(template)).find()).as(template + " has inline code")
					.isFalse();
			}
		}
	}

	private HttpResponse<String> get(String path, String forwardedProto) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (forwardedProto != null) {
			request.header("X-Forwarded-Proto", forwardedProto);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The cookie an anonymous visitor of the login page gets: its CSRF token, and no
	 * session.
	 */
	private static String csrfCookie(HttpResponse<String> response) {
		List<String> cookies = response.headers().allValues("Set-Cookie");
		assertThat(cookies).noneMatch((cookie) -> cookie.startsWith("JSESSIONID="));
		return cookies.stream()
			.filter((cookie) -> cookie.startsWith("XSRF-TOKEN="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no CSRF cookie in " + response.headers().map()));
	}

}
