package postern.security;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import postern.PosternProperties;
import postern.TestProperties;
import postern.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two admins removing each other at the same moment, in real transactions on the
 * database: the second removal waits for the first to commit, then finds a single admin
 * left and is refused, so the panel always keeps one admin.
 */
@DataJpaTest(showSql = false)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import(AdminRemovalTests.Beans.class)
class AdminRemovalTests {

	@Autowired
	AdminAccounts accounts;

	@Autowired
	AdminRepository admins;

	@Autowired
	PlatformTransactionManager transactions;

	@MockitoBean
	AdminSessions sessions;

	@MockitoBean
	AuditLog auditLog;

	private final ExecutorService otherRequest = Executors.newSingleThreadExecutor();

	@BeforeEach
	void twoAdmins() {
		this.admins.save(new Admin("alice", "hash", Instant.EPOCH));
		this.admins.save(new Admin("bob", "hash", Instant.EPOCH));
	}

	@AfterEach
	void cleanUp() throws InterruptedException {
		this.otherRequest.shutdownNow();
		this.otherRequest.awaitTermination(10, TimeUnit.SECONDS);
		this.admins.deleteAll();
	}

	@Test
	void twoAdminsRemovingEachOtherAtOnceLeaveOne() throws Exception {
		Future<?> aliceRemoval = new TransactionTemplate(this.transactions).execute((status) -> {
			this.accounts.remove("bob");
			Future<?> other = this.otherRequest.submit(() -> this.accounts.remove("alice"));
			// the other removal must still be waiting while this one is not committed
			waitUntilStuck(other);
			return other;
		});

		assertThatExceptionOfType(java.util.concurrent.ExecutionException.class)
			.isThrownBy(() -> aliceRemoval.get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(LastAdminException.class);
		assertThat(this.admins.findAll()).extracting(Admin::getUsername).containsExactly("alice");
	}

	@Test
	void anAdminIsStillRemovedWhenOthersRemain() {
		this.admins.save(new Admin("carol", "hash", Instant.EPOCH));

		this.accounts.remove("bob");

		assertThat(this.admins.findAll()).extracting(Admin::getUsername).containsExactlyInAnyOrder("alice", "carol");
	}

	private static void waitUntilStuck(Future<?> other) {
		try {
			Thread.sleep(300);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		assertThat(other.isDone()).as("the second removal went ahead before the first committed").isFalse();
	}

	static class Beans {

		@Bean
		PosternProperties posternProperties() {
			return TestProperties.bind(Map.of());
		}

		@Bean
		AdminAccounts adminAccounts(AdminRepository admins, RecoveryCodeRepository recoveryCodes,
				AdminSessions sessions, AuditLog auditLog, PosternProperties properties) {
			return new AdminAccounts(admins, recoveryCodes, new BCryptPasswordEncoder(4), new Totp(Optional.empty()),
					sessions, auditLog, properties, Optional.empty());
		}

	}

}
