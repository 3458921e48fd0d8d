package postern.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an API call made with a browser session that was ended elsewhere (log out
 * everywhere, a password or second-factor reset, a removed admin), as the panel's pages
 * do. The panel's chain gets this from its session management; the API's chain creates no
 * session and so checks the registry itself.
 */
class EndedSessionFilter extends OncePerRequestFilter {

	private final SessionRegistry sessionRegistry;

	private final AuthenticationEntryPoint unauthorized;

	EndedSessionFilter(SessionRegistry sessionRegistry, AuthenticationEntryPoint unauthorized) {
		this.sessionRegistry = sessionRegistry;
		this.unauthorized = unauthorized;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null && !ApiTokenFilter.hasBearer(request) && ended(session)) {
			session.invalidate();
			SecurityContextHolder.clearContext();
			this.unauthorized.commence(request, response, null);
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean ended(HttpSession session) {
		SessionInformation information = this.sessionRegistry.getSessionInformation(session.getId());
		return information != null && information.isExpired();
	}

}
