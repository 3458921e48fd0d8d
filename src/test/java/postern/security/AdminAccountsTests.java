package postern.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import postern.TestProperties;
import postern.audit.AuditLog;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class AdminAccountsTests {

	private final AdminRepository admins = mock(AdminRepository.class);

	private final AdminSessions sessions = mock(AdminSessions.class);

	private final AuditLog auditLog = mock(AuditLog.class);

	private final AdminAccounts accounts = new AdminAccounts(this.admins, mock(RecoveryCodeRepository.class),
			new BCryptPasswordEncoder(4), new Totp(Optional.empty()), this.sessions, this.auditLog,
			TestProperties.bind(Map.of()), Optional.empty());

	@Test
	void theLastAdminIsNeverRemoved() {
		given(this.admins.lockAll()).willReturn(List.of(new Admin("admin", "hash", Instant.EPOCH)));
		assertThatExceptionOfType(LastAdminException.class).isThrownBy(() -> this.accounts.remove("admin"));
		verify(this.admins, never()).delete(any());
		verify(this.sessions, never()).expireAll(anyString());
	}

	@Test
	void removingAnAdminEndsTheirSessions() {
		Admin bob = new Admin("bob", "hash", Instant.EPOCH);
		given(this.admins.lockAll()).willReturn(List.of(new Admin("admin", "hash", Instant.EPOCH), bob));
		this.accounts.remove("bob");
		verify(this.admins).delete(bob);
		verify(this.sessions).expireAll("bob");
		verify(this.auditLog).record(eq("admin.removed"), eq("bob"), any());
	}

	@Test
	void aFailureAtTheLimitLocksForTheConfiguredDurationAndIsAuditedOnce() {
		given(this.admins.lockAtLimit(eq("bob"), eq(5), any(Instant.class))).willReturn(0, 1, 0);
		this.accounts.passwordFailed("bob");
		verify(this.auditLog, never()).recordAs(eq("bob"), eq("login.locked"), eq("bob"), eq(false), anyString());
		this.accounts.passwordFailed("bob");
		this.accounts.passwordFailed("bob");
		ArgumentCaptor<Instant> until = ArgumentCaptor.forClass(Instant.class);
		verify(this.admins, org.mockito.Mockito.times(3)).lockAtLimit(eq("bob"), eq(5), until.capture());
		assertThat(until.getValue()).isBetween(Instant.now().plusSeconds(14 * 60), Instant.now().plusSeconds(16 * 60));
		verify(this.auditLog, org.mockito.Mockito.times(1)).recordAs(eq("bob"), eq("login.locked"), eq("bob"),
				eq(false), anyString());
	}

	@Test
	void aCheckIsLetThroughOnlyWhenTheCountedAttemptsAllowIt() {
		given(this.admins.reserveAttempt(eq("bob"), eq(5), any(Instant.class))).willReturn(1, 0);
		assertThat(this.accounts.reservePasswordCheck("bob")).isTrue();
		assertThat(this.accounts.reservePasswordCheck("bob")).isFalse();
	}

	@Test
	void unlockingClearsTheCountAndTheLock() {
		Admin bob = new Admin("bob", "hash", Instant.EPOCH);
		bob.fail(1, Instant.now().plusSeconds(600));
		given(this.admins.findByUsername("bob")).willReturn(Optional.of(bob));
		this.accounts.unlock("bob");
		assertThat(bob.isLockedAt(Instant.now())).isFalse();
		assertThat(bob.getFailedAttempts()).isZero();
	}

}
