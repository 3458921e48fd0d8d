package postern.api;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} for this one request only: the
 * context is never saved in a session, so token calls are stateless. A request with a
 * bearer header that is not a live token is refused at once, even when it also carries a
 * session cookie.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

	private static final String BEARER = "Bearer ";

	private final ApiTokens tokens;

	private final AuthenticationEntryPoint entryPoint;

	ApiTokenFilter(ApiTokens tokens, AuthenticationEntryPoint entryPoint) {
		this.tokens = tokens;
		this.entryPoint = entryPoint;
	}

	/**
	 * Whether a request carries a bearer token, whatever its value.
	 * @param request the request
	 * @return {@code true} when it has {@code Authorization: Bearer …}
	 */
	static boolean hasBearer(HttpServletRequest request) {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!hasBearer(request)) {
			chain.doFilter(request, response);
			return;
		}
		String secret = request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip();
		Optional<ApiToken> token = this.tokens.authenticate(secret);
		if (token.isEmpty()) {
			SecurityContextHolder.clearContext();
			this.entryPoint.commence(request, response, new BadCredentialsException("Unknown or revoked API token"));
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new ApiTokenAuthentication(token.get()));
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}

}
