package postern.reports;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import postern.PosternIntegrationTests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Fetching from a real dovecot over IMAPS: its certificate names
 * {@code imap.example.test} while Postern connects to 127.0.0.1, trusted through
 * {@code postern.health.trust-store}.
 */
class ReportFetchIntegrationTests extends PosternIntegrationTests {

	@TempDir
	static Path folder;

	static TestDovecot dovecot;

	@Autowired
	ReportFetcher fetcher;

	@Autowired
	StoredReportRepository reports;

	@Autowired
	DmarcRowRepository dmarcRows;

	@Autowired
	UnreadableMessageRepository unreadable;

	@BeforeAll
	static void startDovecot() throws Exception {
		dovecot = TestDovecot.start(folder);
	}

	@AfterAll
	static void stopDovecot() throws Exception {
		if (dovecot != null) {
			dovecot.close();
		}
	}

	@DynamicPropertySource
	static void mailbox(DynamicPropertyRegistry registry) {
		registry.add("postern.reports.imap.host", () -> "127.0.0.1");
		registry.add("postern.reports.imap.port", () -> dovecot.port());
		registry.add("postern.reports.imap.username", () -> TestDovecot.USER);
		registry.add("postern.reports.imap.password", () -> TestDovecot.PASSWORD);
		registry.add("postern.reports.imap.server-name", () -> TestDovecot.SERVER_NAME);
		registry.add("postern.health.trust-store", () -> dovecot.certificate().toString());
		registry.add("postern.reports.fetch-every", () -> "0s");
	}

	@Test
	void reportsAreStoredOnceMovedAsideAndOtherMailIsLeftUnread() throws Exception {
		LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
		dovecot.deliver("INBOX", ReportMails.mailbox(yesterday));

		FetchOutcome first = this.fetcher.fetch().orElseThrow();
		assertThat(first).isEqualTo(new FetchOutcome(4, 1, 3, null));
		assertThat(dovecot.list("INBOX")).containsExactly(new TestDovecot.Seen("Lunch on Friday?", false));
		assertThat(dovecot.list("Postern/Processed")).hasSize(5);
		assertThat(dovecot.list("Postern/Unreadable")).hasSize(3);
		assertThat(this.unreadable.findTop20ByOrderByIdDesc()).extracting(UnreadableMessage::getReasonKey)
			.containsExactly("reports.unreadable.too-large", "reports.unreadable.dtd", "reports.unreadable.xml");
		long stored = this.reports.count();
		assertThat(this.dmarcRows.totals(yesterday.minusDays(6))).singleElement()
			.isEqualTo(new DomainTotals("example.org", 26, 19, 2));

		// the same report delivered once more, after the first fetch
		dovecot.deliver("INBOX", ReportMails.googleDmarc(yesterday));
		FetchOutcome second = this.fetcher.fetch().orElseThrow();
		assertThat(second).isEqualTo(new FetchOutcome(0, 1, 0, null));
		assertThat(this.reports.count()).isEqualTo(stored);
		assertThat(dovecot.list("INBOX")).containsExactly(new TestDovecot.Seen("Lunch on Friday?", false));
		assertThat(dovecot.list("Postern/Processed")).hasSize(6);
	}

	/**
	 * The same certificate and trust as the fetch above, only the name differs: the
	 * handshake fails.
	 */
	@Test
	void aCertificateWithoutTheServerNameOrAWrongPasswordIsRefused() {
		postern.health.TlsTrust trust = postern.health.TlsTrust.withExtra(dovecot.certificate());
		MailboxSettings otherName = new MailboxSettings("127.0.0.1", dovecot.port(), TestDovecot.USER,
				TestDovecot.PASSWORD, "INBOX", "mx1.example.org");
		assertThatExceptionOfType(jakarta.mail.MessagingException.class)
			.isThrownBy(() -> ReportMailbox.open(otherName, trust).close())
			.havingCause()
			.isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
		MailboxSettings wrongPassword = new MailboxSettings("127.0.0.1", dovecot.port(), TestDovecot.USER,
				"not the password", "INBOX", TestDovecot.SERVER_NAME);
		assertThatExceptionOfType(jakarta.mail.AuthenticationFailedException.class)
			.isThrownBy(() -> ReportMailbox.open(wrongPassword, trust).close());
		MailboxSettings untrusted = new MailboxSettings("127.0.0.1", dovecot.port(), TestDovecot.USER,
				TestDovecot.PASSWORD, "INBOX", TestDovecot.SERVER_NAME);
		assertThatExceptionOfType(jakarta.mail.MessagingException.class)
			.isThrownBy(() -> ReportMailbox.open(untrusted, postern.health.TlsTrust.withExtra(null)).close())
			.havingCause()
			.isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
	}

}
