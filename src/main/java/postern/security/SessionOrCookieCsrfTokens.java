package postern.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Where the CSRF token lives: in the session when the request has one, in a cookie when
 * it has none.
 * <p>
 * The login form needs a token, and kept in a session every visit to it would create a
 * session that stays for the session timeout, so that anyone could fill the heap by
 * asking for the login page: an anonymous visitor's token is in a cookie. A signed-in
 * admin has a session anyway, and their token is kept there: a client that sends only the
 * session cookie (a script, a tool) would otherwise get a new token, drawn from the
 * system's secure random source, at every page. A token is looked up in the session
 * first, then in the cookie, so a form shown before the session began still posts.
 */
final class SessionOrCookieCsrfTokens implements CsrfTokenRepository {

	private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();

	private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();

	SessionOrCookieCsrfTokens() {
		// HTTP only (forms and htmx take the token from the page), same site, and secure
		// on a secure request, as the session's cookie
		this.cookie.setCookieCustomizer((cookie) -> cookie.sameSite("Strict"));
		// the page names the header htmx sends: the same wherever the token is kept
		this.session.setHeaderName("X-XSRF-TOKEN");
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return this.cookie.generateToken(request);
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		if (token == null) {
			this.session.saveToken(null, request, response);
			this.cookie.saveToken(null, request, response);
		}
		else if (request.getSession(false) != null) {
			this.session.saveToken(token, request, response);
		}
		else {
			this.cookie.saveToken(token, request, response);
		}
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		CsrfToken token = (request.getSession(false) != null) ? this.session.loadToken(request) : null;
		return (token != null) ? token : this.cookie.loadToken(request);
	}

}
