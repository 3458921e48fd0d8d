package postern.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import postern.PosternIntegrationTests;
import postern.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every route of the panel, found from the handler mappings themselves (so a new page is
 * covered without touching this test), needs a logged-in admin, and every POST needs a
 * CSRF token.
 */
@AutoConfigureMockMvc
class SecurityTests extends PosternIntegrationTests {

	/** The only routes open without logging in. */
	private static final Set<String> PUBLIC_ROUTES = Set.of("GET /login", "GET /error", "POST /error");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	@Autowired
	AuditLog auditLog;

	@Test
	void everyRouteWithoutLoginRedirectsToLogin() throws Exception {
		List<Route> routes = routes();
		assertThat(routes).as("routes found").hasSizeGreaterThan(3);
		for (Route route : routes) {
			// The API answers 401 instead of a redirect: ApiSecurityTests covers it.
			if (PUBLIC_ROUTES.contains(route.toString()) || route.pattern().startsWith("/api/")) {
				continue;
			}
			MvcResult result = this.mvc.perform(request(route.method(), route.samplePath()).with(csrf())).andReturn();
			assertThat(result.getResponse().getStatus()).as(route + " without login").isEqualTo(302);
			assertThat(result.getResponse().getRedirectedUrl()).as(route + " redirect").endsWith("/login");
		}
	}

	@Test
	void everyPostWithoutCsrfTokenIsRefused() throws Exception {
		List<Route> posts = routes().stream().filter((route) -> route.method() == HttpMethod.POST).toList();
		for (Route route : posts) {
			MvcResult result = this.mvc
				.perform(request(route.method(), route.samplePath()).with(user("admin").roles("ADMIN")))
				.andReturn();
			assertThat(result.getResponse().getStatus()).as(route + " without CSRF token").isEqualTo(403);
		}
		MvcResult logout = this.mvc.perform(request(HttpMethod.POST, "/logout").with(user("admin").roles("ADMIN")))
			.andReturn();
		assertThat(logout.getResponse().getStatus()).as("logout without CSRF token").isEqualTo(403);
	}

	@Test
	void loginWithBootstrapPasswordSucceeds() throws Exception {
		this.mvc.perform(formLogin("/login").user("admin").password(ADMIN_PASSWORD))
			.andExpect(authenticated().withUsername("admin"));
	}

	@Test
	void wrongPasswordIsRefusedAndAuditedWithoutThePassword() throws Exception {
		String wrong = "not-the-password-" + System.nanoTime();
		this.mvc.perform(formLogin("/login").user("admin").password(wrong)).andExpect(unauthenticated());
		assertThat(this.auditLog.latest(10)).anySatisfy((event) -> {
			assertThat(event.getAction()).isEqualTo("login.failure");
			assertThat(event.getActor()).isEqualTo("admin");
			assertThat(event.isSuccess()).isFalse();
		});
		assertThat(this.auditLog.find(wrong, org.springframework.data.domain.Pageable.ofSize(10))).isEmpty();
		assertThat(this.auditLog.latest(10))
			.noneSatisfy((event) -> assertThat(String.valueOf(event.getDetail())).contains(wrong));
	}

	@Test
	void unknownUserGetsTheSameAnswerAsWrongPassword() throws Exception {
		MvcResult unknown = this.mvc.perform(formLogin("/login").user("nobody").password("whatever")).andReturn();
		MvcResult wrong = this.mvc.perform(formLogin("/login").user("admin").password("whatever")).andReturn();
		assertThat(unknown.getResponse().getRedirectedUrl()).isEqualTo(wrong.getResponse().getRedirectedUrl());
	}

	private List<Route> routes() {
		List<Route> routes = new ArrayList<>();
		this.handlerMapping.getHandlerMethods().forEach((info, method) -> addRoutes(routes, info));
		return routes;
	}

	private static void addRoutes(List<Route> routes, RequestMappingInfo info) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		for (String pattern : info.getDirectPaths().isEmpty() ? info.getPatternValues() : info.getDirectPaths()) {
			if (methods.isEmpty()) {
				routes.add(new Route(HttpMethod.GET, pattern));
				routes.add(new Route(HttpMethod.POST, pattern));
			}
			methods.forEach((method) -> routes.add(new Route(HttpMethod.valueOf(method.name()), pattern)));
		}
	}

	private record Route(HttpMethod method, String pattern) {

		String samplePath() {
			return this.pattern.replaceAll("\\{[^}]+}", "sample");
		}

		@Override
		public String toString() {
			return this.method + " " + this.pattern;
		}

	}

}
