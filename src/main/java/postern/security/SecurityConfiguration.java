package postern.security;

import jakarta.servlet.DispatcherType;

import io.github.wimdeblauwe.htmx.spring.boot.security.HxRefreshHeaderAuthenticationEntryPoint;

import postern.PosternProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;

/**
 * Every page needs a logged-in admin, except the login page, static assets and the health
 * endpoint; an admin with a second factor who gave only the password reaches the code
 * page and nothing else. CSRF is on for every form; the CSP allows no inline script or
 * style; HSTS is sent on HTTPS requests (also behind a trusted proxy, see
 * {@link TrustedProxies}).
 * <p>
 * The login protection ({@link AdminAuthenticationProvider}, {@link LoginSuccessHandler},
 * {@code require-totp}) is taken when present, so controller slice tests can import this
 * configuration alone.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** Paths reachable without logging in; everything else requires an admin. */
	static final String[] PUBLIC_PATHS = { "/login", "/css/**", "/js/**", "/icons/**", "/webjars/**", "/favicon.svg",
			"/actuator/health", "/error" };

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
			+ "base-uri 'none'; object-src 'none'";

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

	static final long HSTS_MAX_AGE = 31_536_000;

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, SessionRegistry sessionRegistry,
			CsrfTokenRepository csrfTokens, CsrfTokenRequestHandler csrfTokenMasks,
			ObjectProvider<AdminAuthenticationProvider> provider, ObjectProvider<LoginSuccessHandler> successHandler,
			ObjectProvider<AuthenticationEventPublisher> events, ObjectProvider<PosternProperties> properties)
			throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers(PUBLIC_PATHS)
			.permitAll()
			.requestMatchers(LoginSuccessHandler.CODE_PAGE)
			.hasAuthority(Authorities.TOTP_PENDING)
			.anyRequest()
			.hasAuthority(Authorities.ADMIN));
		provider.ifAvailable((admins) -> {
			// Only this provider: no fallback that would check a password without the
			// lockout.
			ProviderManager manager = new ProviderManager(admins);
			events.ifAvailable(manager::setAuthenticationEventPublisher);
			http.authenticationManager(manager);
		});
		http.formLogin((form) -> {
			form.loginPage("/login").usernameParameter("username").passwordParameter("password").permitAll();
			successHandler.ifAvailable(form::successHandler);
			if (successHandler.getIfAvailable() == null) {
				form.defaultSuccessUrl("/", false);
			}
		});
		http.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
		// The error page of a refused POST is drawn on an error dispatch of that POST,
		// which runs no action. Checked there, a form Tomcat would not read (over its
		// size limit) would fail its CSRF check again and end on Tomcat's bare page.
		http.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens)
			.csrfTokenRequestHandler(csrfTokenMasks)
			.ignoringRequestMatchers((request) -> request.getDispatcherType() == DispatcherType.ERROR));
		// Every session is registered, so an admin can see theirs and end them all; an
		// ended session is sent to the login page at its next request.
		http.sessionManagement((sessions) -> sessions.maximumSessions(-1)
			.sessionRegistry(sessionRegistry)
			.expiredUrl("/login?expired"));
		// An htmx request after the session expired reloads the whole page, which then
		// shows the login form, instead of swapping the login form into a fragment.
		http.exceptionHandling((exceptions) -> exceptions
			.defaultAuthenticationEntryPointFor(new HxRefreshHeaderAuthenticationEntryPoint(),
					new RequestHeaderRequestMatcher("HX-Request"))
			.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), (request) -> true)
			.accessDeniedHandler((request, response, denied) -> {
				// Half logged in (password only): the code page is the only way on.
				if (Authorities.has(org.springframework.security.core.context.SecurityContextHolder.getContext()
					.getAuthentication(), Authorities.TOTP_PENDING)) {
					response.sendRedirect(request.getContextPath() + LoginSuccessHandler.CODE_PAGE);
					return;
				}
				new AccessDeniedHandlerImpl().handle(request, response, denied);
			}));
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.frameOptions((frame) -> frame.deny())
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			// Written on secure requests only: plain HTTP cannot be trusted to carry it.
			.httpStrictTransportSecurity((hsts) -> hsts.includeSubDomains(true).maxAgeInSeconds(HSTS_MAX_AGE))
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)));
		properties.ifAvailable((settings) -> {
			if (settings.security().requireTotp()) {
				http.addFilterAfter(new RequireTotpFilter(), AuthorizationFilter.class);
			}
		});
		return http.build();
	}

	/**
	 * The CSRF token: an anonymous visitor's in a cookie, so that the login page creates
	 * no session; a signed-in admin's in their session
	 * ({@link SessionOrCookieCsrfTokens}). The API's chain checks a session call with the
	 * same token.
	 * @return the token repository
	 */
	@Bean
	static CsrfTokenRepository csrfTokens() {
		return new SessionOrCookieCsrfTokens();
	}

	/**
	 * The CSRF token in a page masked anew at each view, as Spring Security does by
	 * default, with random bytes drawn by each request thread from a generator of its own
	 * ({@link PerThreadSecureRandom}).
	 * @return the handler of the token in a request
	 */
	@Bean
	static CsrfTokenRequestHandler csrfTokenMasks() {
		XorCsrfTokenRequestAttributeHandler masks = new XorCsrfTokenRequestAttributeHandler();
		masks.setSecureRandom(new PerThreadSecureRandom());
		return masks;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
		DefaultAuthenticationEventPublisher events = new DefaultAuthenticationEventPublisher(publisher);
		// Refusals are subclasses of BadCredentialsException: audited like it.
		events.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
		return events;
	}

	/**
	 * No observation of each security filter, authentication and authorization: nothing
	 * reads them (only the health endpoint is exposed), and wrapping every filter of both
	 * chains in one cost a tenth of a page's time and more of the login page's.
	 * @return settings that observe nothing
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SessionRegistry sessionRegistry() {
		return new SessionRegistryImpl();
	}

	/**
	 * Tells the session registry when the servlet container ends a session or changes its
	 * id.
	 * @return the publisher
	 */
	@Bean
	static HttpSessionEventPublisher httpSessionEventPublisher() {
		return new HttpSessionEventPublisher();
	}

}
