package postern.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import postern.PosternIntegrationTests;
import postern.audit.AuditLog;
import postern.security.AdminAccounts;
import postern.security.AuthenticatorApp;
import postern.security.Totp;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who may call the API: every route found in the handler mappings refuses a call without
 * a token with 401; tokens are created, shown once, used and revoked; a read token cannot
 * write; token calls need no CSRF token while session calls still do.
 */
@AutoConfigureMockMvc
class ApiSecurityTests extends PosternIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AdminAccounts admins;

	@Autowired
	SessionRegistry sessionRegistry;

	@Autowired
	Totp totp;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	@Test
	void everyApiRouteWithoutATokenIsRefusedWith401() throws Exception {
		List<String> routes = apiRoutes();
		assertThat(routes).as("API routes found")
			.contains("GET /api/v1/domains", "POST /api/v1/mailboxes", "DELETE /api/v1/mailboxes/{address}",
					"POST /api/v1/aliases", "GET /api/v1/sites", "POST /api/v1/services/{unit}/reload",
					"GET /api/v1/health", "GET /api/v1/openapi");
		for (String route : routes) {
			String[] parts = route.split(" ", 2);
			String path = parts[1].replaceAll("\\{[^}]+}", "sample");
			MvcResult result = this.mvc.perform(request(HttpMethod.valueOf(parts[0]), path)).andReturn();
			assertThat(result.getResponse().getStatus()).as(route + " without a token").isEqualTo(401);
			assertThat(result.getResponse().getHeader("WWW-Authenticate")).as(route).startsWith("Bearer");
			MvcResult wrong = this.mvc.perform(request(HttpMethod.valueOf(parts[0]), path).header("Authorization",
					"Bearer " + ApiTokens.PREFIX + "not-a-token"))
				.andReturn();
			assertThat(wrong.getResponse().getStatus()).as(route + " with an unknown token").isEqualTo(401);
		}
	}

	@Test
	void aTokenCreatedOnTheAccountPageIsShownOnceWorksAndStopsWhenRevoked() throws Exception {
		MvcResult created = this.mvc
			.perform(post("/account/tokens").param("name", "page-token")
				.param("scope", "READ")
				.with(user("admin").roles("ADMIN"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		ApiTokens.CreatedToken token = (ApiTokens.CreatedToken) created.getFlashMap().get("createdToken");
		assertThat(token.secret()).startsWith(ApiTokens.PREFIX).hasSizeGreaterThan(40);
		// Only the hash is kept, and the page lists the token without its secret.
		assertThat(token.token().getPrefix()).isEqualTo(token.secret().substring(0, 8));
		String page = this.mvc.perform(get("/account/tokens").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("page-token").doesNotContain(token.secret());

		this.mvc.perform(get("/api/v1/domains").header("Authorization", "Bearer " + token.secret()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].name").value("xoyize.xyz"));
		assertThat(this.tokens.of("admin")).filteredOn((t) -> t.getId().equals(token.token().getId()))
			.singleElement()
			.satisfies((t) -> assertThat(t.getLastUsedAt()).isNotNull());

		this.mvc
			.perform(post("/account/tokens/{id}/revoke", token.token().getId()).with(user("admin").roles("ADMIN"))
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/api/v1/domains").header("Authorization", "Bearer " + token.secret()))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aTokenKeepsWorkingWhenItsAdminLogsInWithASecondFactor() throws Exception {
		this.admins.create("second-factor-admin", "a long passphrase nobody guesses 1729");
		String secret = this.totp.newSecret();
		assertThat(this.admins.enableTotp("second-factor-admin", secret, AuthenticatorApp.codeNow(secret))).isPresent();
		String token = this.tokens.create("second-factor-admin", "script", ApiScope.READ).secret();
		this.mvc.perform(get("/api/v1/domains").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
	}

	@Test
	void onlyTheHashOfTheSecretIsStored() {
		String secret = this.tokens.create("admin", "hashed", ApiScope.WRITE).secret();
		List<Map<String, Object>> rows = this.jdbc.queryForList("select * from api_token where name = 'hashed'");
		assertThat(rows).singleElement().satisfies((row) -> {
			assertThat(row.values())
				.noneSatisfy((value) -> assertThat(String.valueOf(value)).contains(secret.substring(8)));
			assertThat(row.get("SECRET_HASH")).isEqualTo(ApiTokens.hash(secret)).asString().hasSize(64);
		});
	}

	@Test
	void aTokenNameMustBeValidAndUnique() throws Exception {
		this.tokens.create("admin", "taken-name", ApiScope.READ);
		this.mvc
			.perform(post("/account/tokens").param("name", "taken-name")
				.param("scope", "WRITE")
				.with(user("admin").roles("ADMIN"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.model()
				.attributeHasFieldErrorCode("form", "name", "api.token.name.taken"));
		this.mvc
			.perform(post("/account/tokens").param("name", "<script>")
				.param("scope", "READ")
				.with(user("admin").roles("ADMIN"))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.model()
				.attributeHasFieldErrors("form", "name"));
	}

	@Test
	void aReadTokenCannotWrite() throws Exception {
		String read = this.tokens.create("admin", "reader", ApiScope.READ).secret();
		this.mvc.perform(get("/api/v1/mailboxes").header("Authorization", "Bearer " + read)).andExpect(status().isOk());
		this.mvc
			.perform(post("/api/v1/mailboxes").header("Authorization", "Bearer " + read)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"localPart\":\"reader\",\"domain\":\"xoyize.xyz\",\"password\":\"a long passphrase 1\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.error").value("forbidden"));
		this.mvc.perform(post("/api/v1/services/caddy/reload").header("Authorization", "Bearer " + read))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(request(HttpMethod.DELETE, "/api/v1/aliases/postmaster@xoyize.xyz").header("Authorization",
					"Bearer " + read))
			.andExpect(status().isForbidden());
	}

	@Test
	void tokenCallsNeedNoCsrfTokenButSessionCallsDo() throws Exception {
		String write = this.tokens.create("admin", "csrf-writer", ApiScope.WRITE).secret();
		MvcResult tokenCall = this.mvc.perform(post("/api/v1/mailboxes").header("Authorization", "Bearer " + write)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"localPart\":\"csrf-token\",\"domain\":\"cinay.eu\",\"password\":\"another passphrase 2\"}"))
			.andExpect(status().isCreated())
			.andReturn();
		// Stateless: a token call leaves no session behind.
		assertThat(tokenCall.getRequest().getSession(false)).isNull();
		assertThat(tokenCall.getResponse().getHeader("Set-Cookie")).isNull();

		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(post("/api/v1/mailboxes").session(session)
			.with(user("admin").roles("ADMIN"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"localPart\":\"csrf-session\",\"domain\":\"cinay.eu\",\"password\":\"another passphrase 3\"}"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/api/v1/mailboxes").session(session)
			.with(user("admin").roles("ADMIN"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"localPart\":\"csrf-session\",\"domain\":\"cinay.eu\",\"password\":\"another passphrase 3\"}"))
			.andExpect(status().isCreated());
		this.mvc.perform(get("/api/v1/mailboxes/csrf-session@cinay.eu").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("COMPLETE"));
	}

	@Test
	void aSessionEndedElsewhereIsRefused() throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.sessionRegistry.registerNewSession(session.getId(), "admin");
		this.mvc.perform(get("/api/v1/domains").session(session).with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk());
		// What "log out everywhere", a password reset or a removal does to a session
		this.sessionRegistry.getSessionInformation(session.getId()).expireNow();
		this.mvc.perform(get("/api/v1/domains").session(session).with(user("admin").roles("ADMIN")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void everyCallIsAuditedWithTheTokensAdminAndNameNeverItsSecret() throws Exception {
		String secret = this.tokens.create("admin", "audited", ApiScope.READ).secret();
		this.mvc.perform(get("/api/v1/aliases").header("Authorization", "Bearer " + secret)).andExpect(status().isOk());
		this.mvc.perform(get("/api/v1/aliases").header("Authorization", "Bearer pst_wrong"))
			.andExpect(status().isUnauthorized());
		assertThat(this.auditLog.latest(20)).anySatisfy((event) -> {
			assertThat(event.getAction()).isEqualTo("api.call");
			assertThat(event.getActor()).isEqualTo("admin (token audited)");
			assertThat(event.getTarget()).isEqualTo("GET /api/v1/aliases");
			assertThat(event.isSuccess()).isTrue();
		}).anySatisfy((event) -> {
			assertThat(event.getAction()).isEqualTo("api.call");
			assertThat(event.getActor()).isEqualTo("anonymous");
			assertThat(event.isSuccess()).isFalse();
		});
		assertThat(this.auditLog.latest(50))
			.noneSatisfy((event) -> assertThat(String.valueOf(event.getActor()) + event.getTarget() + event.getDetail())
				.contains(secret.substring(8)));
	}

	private List<String> apiRoutes() {
		List<String> routes = new ArrayList<>();
		this.handlerMapping.getHandlerMethods().forEach((info, method) -> addRoutes(routes, info));
		return routes;
	}

	private static void addRoutes(List<String> routes, RequestMappingInfo info) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		for (String pattern : info.getDirectPaths().isEmpty() ? info.getPatternValues() : info.getDirectPaths()) {
			if (!pattern.startsWith("/api/")) {
				continue;
			}
			if (methods.isEmpty()) {
				routes.add("GET " + pattern);
				routes.add("POST " + pattern);
			}
			methods.forEach((method) -> routes.add(method.name() + " " + pattern));
		}
	}

}
