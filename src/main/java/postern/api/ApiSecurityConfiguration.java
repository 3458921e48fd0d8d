package postern.api;

import postern.audit.AuditLog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * The security of {@code /api/**}, ahead of the panel's own chain: a bearer token or the
 * logged-in admin's session. Token calls are stateless and need no CSRF token (a browser
 * never sends an {@code Authorization} header by itself); session calls keep CSRF. A read
 * token may only {@code GET}. Refusals are JSON, never a redirect to the login page.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

	/** The paths this chain guards. */
	static final String API_PATHS = "/api/**";

	private static final String ADMIN = "ADMIN";

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiTokens tokens, AuditLog auditLog)
			throws Exception {
		http.securityMatcher(API_PATHS);
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, API_PATHS)
			.access((authentication, context) -> allowed(authentication.get(), ApiScope.READ_AUTHORITY))
			.anyRequest()
			.access((authentication, context) -> allowed(authentication.get(), ApiScope.WRITE_AUTHORITY)));
		// A browser never sends an Authorization header by itself: a token call cannot be
		// forged across sites, a session call can and keeps its CSRF check.
		http.csrf((csrf) -> csrf.ignoringRequestMatchers(ApiTokenFilter::hasBearer));
		// Never create a session here; an existing one (a logged-in admin) is still read.
		http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER));
		http.requestCache((cache) -> cache.requestCache(new NullRequestCache()));
		http.formLogin((form) -> form.disable());
		http.httpBasic((basic) -> basic.disable());
		http.logout((logout) -> logout.disable());
		http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(ApiErrorResponses.unauthorized())
			.accessDeniedHandler(ApiErrorResponses.forbidden()));
		http.addFilterAfter(new ApiAuditFilter(auditLog), SecurityContextHolderFilter.class);
		http.addFilterBefore(new ApiTokenFilter(tokens, ApiErrorResponses.unauthorized()), CsrfFilter.class);
		return http.build();
	}

	private static AuthorizationDecision allowed(Authentication authentication, String authority) {
		boolean granted = authentication != null && authentication.isAuthenticated() && authentication.getAuthorities()
			.stream()
			.anyMatch((held) -> held.getAuthority().equals(authority) || held.getAuthority().equals("ROLE_" + ADMIN));
		return new AuthorizationDecision(granted);
	}

}
