package postern.security.web;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import postern.security.Authorities;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who the layout shows as signed in, worked out from the request's security context: a
 * login waiting for its second factor is signed in, but the admin's links wait for it.
 */
class SignedInInterceptorTests {

	@AfterEach
	void clearLogin() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void nobodyIsSignedInWithoutAnAuthentication() {
		assertThat(attributesFor(null)).containsExactly(false, false);
	}

	@Test
	void anAnonymousVisitorIsNotSignedIn() {
		Authentication anonymous = new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
		assertThat(attributesFor(anonymous)).containsExactly(false, false);
	}

	@Test
	void aLoginWaitingForItsSecondFactorIsSignedInButNotAnAdminYet() {
		Authentication pending = UsernamePasswordAuthenticationToken.authenticated("admin", null,
				AuthorityUtils.createAuthorityList(Authorities.TOTP_PENDING));
		assertThat(attributesFor(pending)).containsExactly(true, false);
	}

	@Test
	void aCompleteLoginIsASignedInAdmin() {
		Authentication admin = UsernamePasswordAuthenticationToken.authenticated("admin", null,
				AuthorityUtils.createAuthorityList(Authorities.ADMIN, Authorities.FACTOR_TOTP));
		assertThat(attributesFor(admin)).containsExactly(true, true);
	}

	@Test
	void anAuthenticationNoLongerTrustedIsNotSignedIn() {
		Authentication revoked = UsernamePasswordAuthenticationToken.unauthenticated("admin", null);
		assertThat(attributesFor(revoked)).containsExactly(false, false);
	}

	private static List<Object> attributesFor(Authentication authentication) {
		SecurityContextHolder.getContext().setAuthentication(authentication);
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		boolean goesOn = new SignedInInterceptor().preHandle(request, new MockHttpServletResponse(), new Object());
		assertThat(goesOn).isTrue();
		return List.of(request.getAttribute(SignedInInterceptor.SIGNED_IN),
				request.getAttribute(SignedInInterceptor.SIGNED_IN_ADMIN));
	}

}
