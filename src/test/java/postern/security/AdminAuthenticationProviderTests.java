package postern.security;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * An unknown account costs the same BCrypt check as a known one, and every refusal is the
 * same exception with the same message.
 */
class AdminAuthenticationProviderTests {

	private final AdminAccounts accounts = mock(AdminAccounts.class);

	private final PasswordEncoder encoder = mock(PasswordEncoder.class);

	private final AdminAuthenticationProvider provider;

	AdminAuthenticationProviderTests() {
		given(this.encoder.encode(anyString())).willReturn("$2a$10$dummy");
		given(this.accounts.now()).willReturn(Instant.parse("2026-11-25T12:00:00Z"));
		this.provider = new AdminAuthenticationProvider(this.accounts, new LoginThrottle(Optional.empty()),
				this.encoder);
	}

	@Test
	void unknownAccountIsCheckedAgainstTheDummyHash() {
		given(this.accounts.findForLogin("nobody")).willReturn(Optional.empty());
		LoginRefusedException refused = refuse("nobody", "secret");
		assertThat(refused.reason()).isEqualTo(LoginRefusedException.Reason.UNKNOWN_ACCOUNT);
		verify(this.encoder, times(1)).matches("secret", "$2a$10$dummy");
	}

	@Test
	void wrongPasswordAndUnknownAccountLookTheSame() {
		Admin admin = new Admin("alice", "$2a$10$alice", Instant.EPOCH);
		given(this.accounts.findForLogin("alice")).willReturn(Optional.of(admin));
		given(this.accounts.findForLogin("nobody")).willReturn(Optional.empty());
		LoginRefusedException wrong = refuse("alice", "secret");
		LoginRefusedException unknown = refuse("nobody", "secret");
		assertThat(wrong.getMessage()).isEqualTo(unknown.getMessage());
		assertThat(wrong.getClass()).isEqualTo(unknown.getClass());
		verify(this.encoder).matches("secret", "$2a$10$alice");
		verify(this.accounts).passwordFailed("alice");
	}

	@Test
	void lockedAccountIsRefusedWithTheRightPasswordAfterTheSameCheck() {
		Admin admin = new Admin("alice", "$2a$10$alice", Instant.EPOCH);
		admin.fail(1, Instant.parse("2026-11-25T12:15:00Z"));
		given(this.accounts.findForLogin("alice")).willReturn(Optional.of(admin));
		given(this.encoder.matches(eq("right"), eq("$2a$10$alice"))).willReturn(true);
		assertThat(refuse("alice", "right").reason()).isEqualTo(LoginRefusedException.Reason.LOCKED);
		verify(this.encoder).matches("right", "$2a$10$alice");
	}

	private LoginRefusedException refuse(String name, String password) {
		return assertThatExceptionOfType(LoginRefusedException.class).isThrownBy(
				() -> this.provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, password)))
			.actual();
	}

}
