package postern.security;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Component;

/**
 * Turns a password-only login into a full one once the second factor is given, and
 * records a second factor enrolled during a session.
 */
@Component
public class LoginCompletion {

	private final AdminSessions sessions;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final RequestCache requests = new HttpSessionRequestCache();

	LoginCompletion(AdminSessions sessions) {
		this.sessions = sessions;
	}

	/**
	 * Complete the login of the current request's admin: a new session id, the full
	 * authorities, the idle timeout.
	 * @param request the request that gave the right code
	 * @param response its response
	 * @return where to go next: the page first asked for, or the dashboard
	 */
	public String complete(HttpServletRequest request, HttpServletResponse response) {
		Authentication pending = SecurityContextHolder.getContext().getAuthentication();
		request.changeSessionId();
		replace(pending.getName(), List.of(Authorities.ADMIN, Authorities.FACTOR_TOTP), request, response);
		this.sessions.started(request, pending.getName());
		SavedRequest saved = this.requests.getRequest(request, response);
		this.requests.removeRequest(request, response);
		return (saved != null) ? saved.getRedirectUrl() : "/";
	}

	/**
	 * Note in the current session that its admin now has a second factor, so
	 * {@code require-totp} lets them through.
	 * @param request the request
	 * @param response its response
	 */
	public void addSecondFactor(HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		List<String> authorities = new ArrayList<>();
		current.getAuthorities().stream().map(GrantedAuthority::getAuthority).forEach(authorities::add);
		if (!authorities.contains(Authorities.FACTOR_TOTP)) {
			authorities.add(Authorities.FACTOR_TOTP);
		}
		replace(current.getName(), authorities, request, response);
	}

	/**
	 * End the current session, as logging out does.
	 * @param request the request
	 * @param response its response
	 */
	public void logOut(HttpServletRequest request, HttpServletResponse response) {
		new SecurityContextLogoutHandler().logout(request, response,
				SecurityContextHolder.getContext().getAuthentication());
	}

	private void replace(String username, List<String> authorities, HttpServletRequest request,
			HttpServletResponse response) {
		UsernamePasswordAuthenticationToken full = UsernamePasswordAuthenticationToken.authenticated(username, null,
				authorities.stream().map(SimpleGrantedAuthority::new).toList());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(full);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

}
