package postern.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With {@code postern.security.require-totp}, an admin without a second factor sees the
 * enrolment page and nothing else until they have one. Not a bean: the security
 * configuration puts it in its chain.
 */
class RequireTotpFilter extends OncePerRequestFilter {

	static final String ENROLMENT_PAGE = "/account/totp";

	/** What an admin without a second factor may still reach. */
	private static final List<String> ALLOWED = List.of(ENROLMENT_PAGE, "/logout", "/login", "/css/", "/js/", "/icons/",
			"/webjars/", "/favicon.svg", "/error", "/actuator/health");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (Authorities.has(authentication, Authorities.ADMIN)
				&& !Authorities.has(authentication, Authorities.FACTOR_TOTP) && !allowed(request)) {
			response.sendRedirect(request.getContextPath() + ENROLMENT_PAGE);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean allowed(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return ALLOWED.stream().anyMatch(path::startsWith);
	}

}
