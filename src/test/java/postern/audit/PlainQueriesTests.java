package postern.audit;

import java.time.Instant;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import postern.infrastructure.PersistenceConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The logs' searches as the application runs them: with the repositories of
 * {@link PersistenceConfiguration}, whose rewriter of queries derives their count queries
 * by regular expressions. A wrong count would show as a wrong number of pages.
 */
@DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=validate", showSql = false)
@Import(PersistenceConfiguration.class)
class PlainQueriesTests {

	private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

	@Autowired
	CommandLogRepository commands;

	@Autowired
	AuditEventRepository events;

	@Test
	void theCommandSearchCountsEveryMatchAcrossPages() {
		IntStream.range(0, 5)
			.forEach((i) -> this.commands.save(new CommandLogEntry(NOW.plusSeconds(i), AuditLog.SYSTEM, null, "local",
					"ufw status " + i, 0, 5, true)));
		this.commands
			.save(new CommandLogEntry(NOW, AuditLog.SYSTEM, null, "local", "fail2ban-client status", 0, 5, true));
		Page<CommandLogEntry> second = this.commands.search("UFW", PageRequest.of(1, 2));
		assertThat(second.getTotalElements()).isEqualTo(5);
		assertThat(second.getTotalPages()).isEqualTo(3);
		assertThat(second.getContent()).extracting(CommandLogEntry::getCommand)
			.containsExactly("ufw status 2", "ufw status 1");
	}

	@Test
	void theAuditSearchCountsEveryMatchAcrossPages() {
		IntStream.range(0, 3)
			.forEach((i) -> this.events.save(new AuditEvent(NOW.plusSeconds(i), "admin", "127.0.0.1", "local",
					"alias.create", "a" + i + "@x.org", true, null)));
		this.events.save(new AuditEvent(NOW, "admin", "127.0.0.1", "local", "site.delete", "example.org", true, null));
		Page<AuditEvent> last = this.events.search("alias", PageRequest.of(1, 2));
		assertThat(last.getTotalElements()).isEqualTo(3);
		assertThat(last.getContent()).extracting(AuditEvent::getTarget).containsExactly("a0@x.org");
	}

}
