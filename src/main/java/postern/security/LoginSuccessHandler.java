package postern.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * After the right password: on to the code page when the admin has a second factor,
 * otherwise to the page first asked for (or the dashboard), with the session's idle
 * timeout set.
 */
@Component
class LoginSuccessHandler implements AuthenticationSuccessHandler {

	static final String CODE_PAGE = "/login/code";

	private final AdminSessions sessions;

	private final SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();

	LoginSuccessHandler(AdminSessions sessions) {
		this.sessions = sessions;
		this.next.setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		if (Authorities.has(authentication, Authorities.TOTP_PENDING)) {
			response.sendRedirect(request.getContextPath() + CODE_PAGE);
			return;
		}
		this.sessions.started(request, authentication.getName());
		this.next.onAuthenticationSuccess(request, response, authentication);
	}

}
