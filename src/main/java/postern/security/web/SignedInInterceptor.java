package postern.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;

import postern.security.Authorities;

/**
 * Who the layout shows as signed in, as request attributes: {@code signedIn} for any
 * login, the one that waits for its second factor included, and {@code signedInAdmin}
 * once the login is complete. Request attributes rather than model attributes, so the
 * pages an exception handler draws and the error pages have them too. The layout asked
 * Spring Security's expressions instead, twice per page, each time looking up the
 * expression handler among the beans and parsing the expression: about a tenth of a
 * page's time.
 */
class SignedInInterceptor implements HandlerInterceptor {

	static final String SIGNED_IN = "signedIn";

	static final String SIGNED_IN_ADMIN = "signedInAdmin";

	private final AuthenticationTrustResolver trustResolver = new AuthenticationTrustResolverImpl();

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean signedIn = this.trustResolver.isAuthenticated(authentication);
		request.setAttribute(SIGNED_IN, signedIn);
		request.setAttribute(SIGNED_IN_ADMIN, signedIn && Authorities.has(authentication, Authorities.ADMIN));
		return true;
	}

}
