package postern.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import postern.host.CommandKind;
import postern.host.HostEvents.CommandRan;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command log over the real schema: an entry is queued by the caller and written by
 * the log's own thread; old entries are pruned.
 */
@DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=validate", showSql = false)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import(CommandLogWrites.class)
class CommandLogTests {

	private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

	@Autowired
	CommandLogRepository entries;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	CommandLogWrites writes;

	private CommandLog log;

	@AfterEach
	void stop() {
		if (this.log != null) {
			this.log.destroy();
		}
		this.entries.deleteAll();
	}

	@Test
	void recordingOnlyQueuesTheEntry() {
		this.log = commandLog(Duration.ofHours(1));
		this.log.record(ran(CommandKind.MADDY_CREDS_LIST, "maddy", "creds", "list"));
		assertThat(this.entries.count()).isZero();
		this.log.flush();
		List<CommandLogEntry> written = this.entries.findAll();
		assertThat(written).singleElement().satisfies((entry) -> {
			assertThat(entry.getCommand()).isEqualTo("maddy creds list");
			assertThat(entry.getHost()).isEqualTo("local");
			assertThat(entry.getActor()).isEqualTo(AuditLog.SYSTEM);
			assertThat(entry.getAt()).isEqualTo(NOW);
			assertThat(entry.isSuccess()).isTrue();
		});
	}

	@Test
	void theLogsOwnThreadWritesTheQueue() throws InterruptedException {
		this.log = commandLog(Duration.ofMillis(50));
		this.log.record(ran(CommandKind.SYSTEMCTL_SHOW, "systemctl", "show", "maddy.service"));
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (this.entries.count() == 0 && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(this.entries.findAll()).extracting(CommandLogEntry::getCommand)
			.containsExactly("systemctl show maddy.service");
	}

	@Test
	void pruneRemovesWhatIsOlderThanTheRetention() {
		this.log = commandLog(Duration.ofHours(1));
		this.entries.save(entry(NOW.minus(Duration.ofDays(8)), "ufw status verbose"));
		this.entries.save(entry(NOW.minus(Duration.ofDays(6)), "journalctl -u maddy.service"));
		assertThat(this.log.prune()).isEqualTo(1);
		assertThat(this.log.find(null, Pageable.ofSize(10)).getContent()).extracting(CommandLogEntry::getCommand)
			.containsExactly("journalctl -u maddy.service");
	}

	@Test
	void findWritesWhatIsQueuedFirstAndFilters() {
		this.log = commandLog(Duration.ofHours(1));
		this.log.record(ran(CommandKind.FAIL2BAN_STATUS, "fail2ban-client", "status"));
		this.log.record(ran(CommandKind.UFW_STATUS, "ufw", "status", "verbose"));
		assertThat(this.log.find(null, Pageable.ofSize(10)).getTotalElements()).isEqualTo(2);
		assertThat(this.log.find("UFW", Pageable.ofSize(10)).getContent()).extracting(CommandLogEntry::getCommand)
			.containsExactly("ufw status verbose");
	}

	@Test
	void theFirstPageIsKeptUntilTheNextWrite() {
		this.log = commandLog(Duration.ofHours(1));
		this.entries.save(entry(NOW.minus(Duration.ofDays(8)), "ufw status verbose"));
		Page<String> first = this.log.find(null, Pageable.ofSize(10), "en", CommandLogEntry::getCommand);
		assertThat(this.log.find(null, Pageable.ofSize(10), "en", CommandLogEntry::getCommand)).isSameAs(first);
		assertThat(this.log.find(null, Pageable.ofSize(10), "fr", CommandLogEntry::getCommand)).isNotSameAs(first)
			.containsExactly("ufw status verbose");
		this.log.record(ran(CommandKind.FAIL2BAN_STATUS, "fail2ban-client", "status"));
		assertThat(this.log.find(null, Pageable.ofSize(10), "en", CommandLogEntry::getCommand))
			.containsExactly("fail2ban-client status", "ufw status verbose");
		this.log.prune();
		assertThat(this.log.find(null, Pageable.ofSize(10), "en", CommandLogEntry::getCommand))
			.containsExactly("fail2ban-client status");
		assertThat(this.log.find("ufw", Pageable.ofSize(10), "en", CommandLogEntry::getCommand)).isEmpty();
	}

	private CommandLog commandLog(Duration flushEvery) {
		return new CommandLog(this.entries, this.writes, this.transactions, new AuditProperties(Duration.ofDays(7)),
				Clock.fixed(NOW, ZoneOffset.UTC), flushEvery);
	}

	private static CommandRan ran(CommandKind kind, String... argv) {
		return new CommandRan("local", kind, List.of(argv), 0, Duration.ofMillis(12), false);
	}

	private static CommandLogEntry entry(Instant at, String command) {
		return new CommandLogEntry(at, AuditLog.SYSTEM, null, "local", command, 0, 5, false);
	}

}
