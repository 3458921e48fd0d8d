package postern.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * An unknown account costs the same BCrypt check as a known one, every refusal is the
 * same exception with the same message, and a burst of guesses from one address gets no
 * more password checks than the same guesses one after another.
 */
class AdminAuthenticationProviderTests {

	private final AdminAccounts accounts = mock(AdminAccounts.class);

	private final PasswordEncoder encoder = mock(PasswordEncoder.class);

	private final AdminAuthenticationProvider provider;

	AdminAuthenticationProviderTests() {
		given(this.encoder.encode(anyString())).willReturn("$2a$10$dummy");
		given(this.accounts.now()).willReturn(Instant.parse("2026-11-25T12:00:00Z"));
		given(this.accounts.reservePasswordCheck(anyString())).willReturn(true);
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
	void lockedAccountIsRefusedWithTheRightPasswordWhichIsNeverChecked() {
		Admin admin = new Admin("alice", "$2a$10$alice", Instant.EPOCH);
		given(this.accounts.findForLogin("alice")).willReturn(Optional.of(admin));
		given(this.accounts.reservePasswordCheck("alice")).willReturn(false);
		given(this.encoder.matches(eq("right"), eq("$2a$10$alice"))).willReturn(true);
		assertThat(refuse("alice", "right").reason()).isEqualTo(LoginRefusedException.Reason.LOCKED);
		verify(this.encoder, never()).matches("right", "$2a$10$alice");
		// the same work as a check, so the answer comes as late as any other
		verify(this.encoder).matches("right", "$2a$10$dummy");
		verify(this.accounts, never()).passwordFailed("alice");
	}

	@Test
	void rightPasswordWithASecondFactorDueGivesTheCountedCheckBack() {
		Admin admin = new Admin("alice", "$2a$10$alice", Instant.EPOCH);
		admin.enableTotp("JBSWY3DPEHPK3PXP", 0);
		given(this.accounts.findForLogin("alice")).willReturn(Optional.of(admin));
		given(this.encoder.matches(eq("right"), eq("$2a$10$alice"))).willReturn(true);
		this.provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("alice", "right"));
		verify(this.accounts).releasePasswordCheck("alice");
	}

	@Test
	void parallelGuessesFromOneAddressGetNoMoreChecksThanOneAfterAnother() throws Exception {
		given(this.accounts.findForLogin("alice"))
			.willReturn(Optional.of(new Admin("alice", "$2a$10$alice", Instant.EPOCH)));
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger checks = new AtomicInteger();
		given(this.encoder.matches(anyString(), eq("$2a$10$alice"))).willAnswer((invocation) -> {
			checks.incrementAndGet();
			// every guess let through is still being checked while the others arrive
			release.await(10, TimeUnit.SECONDS);
			return false;
		});
		ExecutorService clients = Executors.newFixedThreadPool(20);
		try {
			List<Future<LoginRefusedException.Reason>> guesses = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				guesses.add(clients.submit(() -> guessFrom("198.51.100.7")));
			}
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (checks.get() + guesses.stream().filter(Future::isDone).count() < 20
					&& System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			release.countDown();
			List<LoginRefusedException.Reason> reasons = new ArrayList<>();
			for (Future<LoginRefusedException.Reason> guess : guesses) {
				reasons.add(guess.get(10, TimeUnit.SECONDS));
			}
			assertThat(checks).as("passwords checked").hasValue(LoginThrottle.FREE_FAILURES + 1);
			assertThat(reasons).filteredOn(LoginRefusedException.Reason.THROTTLED::equals)
				.hasSize(20 - LoginThrottle.FREE_FAILURES - 1);
		}
		finally {
			release.countDown();
			clients.shutdownNow();
		}
	}

	private LoginRefusedException.Reason guessFrom(String address) {
		UsernamePasswordAuthenticationToken guess = UsernamePasswordAuthenticationToken.unauthenticated("alice",
				"guess");
		guess.setDetails(new WebAuthenticationDetails(address, null));
		try {
			this.provider.authenticate(guess);
			return null;
		}
		catch (LoginRefusedException ex) {
			return ex.reason();
		}
	}

	private LoginRefusedException refuse(String name, String password) {
		return assertThatExceptionOfType(LoginRefusedException.class).isThrownBy(
				() -> this.provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(name, password)))
			.actual();
	}

}
