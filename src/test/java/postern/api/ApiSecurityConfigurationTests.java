package postern.api;

import org.junit.jupiter.api.Test;

import postern.security.Authorities;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who the API lets in: a token within its scope, or a fully logged-in admin, who must
 * also have given a second factor when every admin has to.
 */
class ApiSecurityConfigurationTests {

	@Test
	void aSessionWithoutItsSecondFactorIsRefusedWhenEveryAdminMustHaveOne() {
		Authentication passwordOnly = authenticated(Authorities.ADMIN);
		Authentication withCode = authenticated(Authorities.ADMIN, Authorities.FACTOR_TOTP);
		assertThat(granted(passwordOnly, ApiScope.WRITE_AUTHORITY, true)).isFalse();
		assertThat(granted(withCode, ApiScope.WRITE_AUTHORITY, true)).isTrue();
		assertThat(granted(passwordOnly, ApiScope.WRITE_AUTHORITY, false)).isTrue();
	}

	@Test
	void aTokenNeedsItsScopeAndNoSecondFactor() {
		Authentication reader = authenticated(ApiScope.READ_AUTHORITY);
		assertThat(granted(reader, ApiScope.READ_AUTHORITY, true)).isTrue();
		assertThat(granted(reader, ApiScope.WRITE_AUTHORITY, true)).isFalse();
	}

	@Test
	void aLoginWaitingForItsCodeIsRefused() {
		assertThat(granted(authenticated(Authorities.TOTP_PENDING), ApiScope.READ_AUTHORITY, false)).isFalse();
		assertThat(granted(null, ApiScope.READ_AUTHORITY, false)).isFalse();
	}

	private static boolean granted(Authentication authentication, String authority, boolean secondFactorRequired) {
		return ApiSecurityConfiguration.allowed(authentication, authority, secondFactorRequired).isGranted();
	}

	private static Authentication authenticated(String... authorities) {
		TestingAuthenticationToken authentication = new TestingAuthenticationToken("admin", null, authorities);
		authentication.setAuthenticated(true);
		return authentication;
	}

}
