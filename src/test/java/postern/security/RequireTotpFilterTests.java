package postern.security;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

class RequireTotpFilterTests {

	@AfterEach
	void clear() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void adminWithoutSecondFactorIsSentToEnrolmentFromEveryOtherPage() throws Exception {
		logIn(Authorities.ADMIN);
		assertThat(filter("/")).isEqualTo("/account/totp");
		assertThat(filter("/domains/new")).isEqualTo("/account/totp");
		assertThat(filter("/account")).isEqualTo("/account/totp");
		assertThat(filter("/account/totp")).isNull();
		assertThat(filter("/css/postern.css")).isNull();
		assertThat(filter("/logout")).isNull();
	}

	@Test
	void adminWithSecondFactorGoesAnywhere() throws Exception {
		logIn(Authorities.ADMIN, Authorities.FACTOR_TOTP);
		assertThat(filter("/")).isNull();
		assertThat(filter("/domains/new")).isNull();
	}

	private static void logIn(String... authorities) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("alice", null,
					List.of(authorities).stream().map(SimpleGrantedAuthority::new).toList()));
	}

	/** Where the filter redirects, or {@code null} when it lets the request through. */
	private static String filter(String path) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		new RequireTotpFilter().doFilter(request, response, chain);
		if (response.getRedirectedUrl() != null) {
			assertThat(chain.getRequest()).isNull();
		}
		return response.getRedirectedUrl();
	}

}
