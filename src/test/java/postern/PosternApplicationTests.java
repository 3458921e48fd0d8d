package postern;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManagerFactory;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;

import postern.audit.AuditEvent;
import postern.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Pageable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application as an admin meets it: over HTTP on a real port, log in with the
 * bootstrap password, see the dashboard in English and in French, find the login in the
 * audit log. The database is the one the application would use, with every migration run
 * from scratch ({@link PosternApplicationPostgresTests} runs the same on PostgreSQL).
 */
class PosternApplicationTests extends PosternIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	AuditLog auditLog;

	@Autowired
	Flyway flyway;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@Test
	void healthEndpointIsUpWithoutLogin() throws Exception {
		HttpResponse<String> response = get("/actuator/health");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"UP\"");
	}

	@Test
	void dashboardWithoutLoginRedirectsToLoginPage() throws Exception {
		HttpResponse<String> response = get("/");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
	}

	@Test
	void loginWithBootstrapPasswordShowsDashboardInEnglishAndFrench() throws Exception {
		HttpResponse<String> afterLogin = logIn("admin", ADMIN_PASSWORD);
		assertThat(afterLogin.statusCode()).isEqualTo(302);
		assertThat(afterLogin.headers().firstValue("Location").orElseThrow()).doesNotContain("error");

		HttpResponse<String> english = get("/?lang=en");
		assertThat(english.statusCode()).isEqualTo(200);
		assertThat(english.body()).contains("Dashboard").contains("Managed server");

		HttpResponse<String> french = get("/?lang=fr");
		assertThat(french.body()).contains("Tableau de bord").contains("Serveur administré");

		assertThat(this.auditLog.latest(20)).anySatisfy((event) -> {
			assertThat(event.getAction()).isEqualTo("login.success");
			assertThat(event.getActor()).isEqualTo("admin");
			assertThat(event.getClientAddress()).isEqualTo("127.0.0.1");
		});
		assertThat(get("/audit?lang=en").body()).contains("Logged in");
	}

	@Test
	void pagesLinkTheWebJarsByVersionAndTheLinksLeadToThem() throws Exception {
		String login = get("/login").body();
		Matcher htmx = Pattern.compile("src=\"(/webjars/htmx\\.org/[0-9][^/\"]*/dist/htmx\\.min\\.js)\"")
			.matcher(login);
		assertThat(htmx.find()).as("a versioned htmx link in %s", login).isTrue();
		assertThat(login).contains("href=\"/css/postern.css\"").contains("src=\"/js/postern.js\"");

		for (int i = 0; i < 3; i++) {
			assertThat(get("/login").body()).contains(htmx.group(1));
		}
		assertThat(get(htmx.group(1)).statusCode()).isEqualTo(200);
		assertThat(get("/css/postern.css").statusCode()).isEqualTo(200);
	}

	@Test
	void everyMigrationRanOnThisDatabase() {
		MigrationInfo[] migrations = this.flyway.info().all();
		assertThat(migrations).as("migrations in db/migration").hasSizeGreaterThanOrEqualTo(8);
		assertThat(migrations).allSatisfy((migration) -> assertThat(migration.getState()).as(migration.getScript())
			.isEqualTo(MigrationState.SUCCESS));
		assertThat(this.flyway.migrate().migrationsExecuted).as("migrations run again, as at the next start").isZero();
	}

	@Test
	void theEntitiesMatchTheSchemaTheMigrationsMade() throws Exception {
		// the application itself no longer checks it at start
		this.entityManagerFactory.getSchemaManager().validate();
	}

	@Test
	void auditSearchIgnoresCaseAndKeepsLongDetailsWhole() {
		String detail = "--- a/etc/caddy/Caddyfile\n" + "+\tfile_server é\n".repeat(2000);
		this.auditLog.recordAs("admin", "site.created", "Shop.Example.ORG", true, detail);

		List<AuditEvent> found = this.auditLog.find("shop.example.org", Pageable.ofSize(5)).getContent();
		assertThat(found).singleElement().satisfies((event) -> {
			assertThat(event.getTarget()).isEqualTo("Shop.Example.ORG");
			assertThat(event.getDetail()).isEqualTo(detail);
		});
		assertThat(this.auditLog.find("SITE.CREATED", Pageable.ofSize(5)).getContent()).isNotEmpty();
		assertThat(this.auditLog.find("shop.example.net", Pageable.ofSize(5)).getContent()).isEmpty();
	}

	@Test
	void securityHeadersForbidInlineScriptAndFraming() throws Exception {
		HttpResponse<String> response = get("/login");
		String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(csp).contains("script-src 'self'")
			.contains("frame-ancestors 'none'")
			.doesNotContain("unsafe-inline");
		assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(response.body()).doesNotContain("<script>").doesNotContain("style=\"");
	}

	private HttpResponse<String> logIn(String username, String password) throws Exception {
		HttpResponse<String> page = get("/login");
		Matcher csrf = CSRF.matcher(page.body());
		assertThat(csrf.find()).as("CSRF field on the login page").isTrue();
		String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
				+ encode(csrf.group(1));
		HttpRequest request = HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
