package postern.api;

import java.util.Set;

import postern.PosternProperties;
import postern.audit.AuditLog;
import postern.security.Authorities;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
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

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, ApiTokens tokens, AuditLog auditLog,
			SessionRegistry sessionRegistry, CsrfTokenRepository csrfTokens, CsrfTokenRequestHandler csrfTokenMasks,
			PosternProperties properties, ApiProperties api) throws Exception {
		boolean secondFactorRequired = properties.security().requireTotp();
		http.securityMatcher(API_PATHS);
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(HttpMethod.GET, API_PATHS)
			.access((authentication, context) -> allowed(authentication.get(), ApiScope.READ_AUTHORITY,
					secondFactorRequired))
			.anyRequest()
			.access((authentication, context) -> allowed(authentication.get(), ApiScope.WRITE_AUTHORITY,
					secondFactorRequired)));
		// A browser never sends an Authorization header by itself: a token call cannot be
		// forged across sites, a session call can and keeps its CSRF check.
		http.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens)
			.csrfTokenRequestHandler(csrfTokenMasks)
			.ignoringRequestMatchers(ApiTokenFilter::hasBearer));
		// Never create a session here; an existing one (a logged-in admin) is still read,
		// unless it was ended elsewhere.
		http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER));
		http.addFilterAfter(new EndedSessionFilter(sessionRegistry, ApiErrorResponses.unauthorized()),
				SecurityContextHolderFilter.class);
		http.requestCache((cache) -> cache.requestCache(new NullRequestCache()));
		http.formLogin((form) -> form.disable());
		http.httpBasic((basic) -> basic.disable());
		http.logout((logout) -> logout.disable());
		http.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(ApiErrorResponses.unauthorized())
			.accessDeniedHandler(ApiErrorResponses.forbidden()));
		http.addFilterAfter(new ApiAuditFilter(auditLog), SecurityContextHolderFilter.class);
		http.addFilterBefore(new ApiTokenFilter(tokens, ApiErrorResponses.unauthorized()), CsrfFilter.class);
		// Once the caller is known (so the audit names who sent it), and before anything
		// reads the body: the CSRF check of a session call may read a form's parameters.
		http.addFilterAfter(new ApiBodyLimitFilter(api.maxBodySize()), ApiTokenFilter.class);
		return http.build();
	}

	/**
	 * A token needs its scope; a browser session needs a full admin login, with its
	 * second factor when every admin must have one.
	 */
	static AuthorizationDecision allowed(Authentication authentication, String authority,
			boolean secondFactorRequired) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return new AuthorizationDecision(false);
		}
		Set<String> held = AuthorityUtils.authorityListToSet(authentication.getAuthorities());
		boolean token = held.contains(authority);
		boolean admin = held.contains(Authorities.ADMIN)
				&& (!secondFactorRequired || held.contains(Authorities.FACTOR_TOTP));
		return new AuthorizationDecision(token || admin);
	}

}
