package postern.mail;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import postern.PosternIntegrationTests;
import postern.audit.AuditEvent;
import postern.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mailbox service against the maddy stand-in of the shared server root, through the
 * real local host and audit log, under v0.7 and v0.8+ behaviour.
 */
class MailboxesIntegrationTests extends PosternIntegrationTests {

	static final MaddyStandin STANDIN = new MaddyStandin(SERVER);

	@Autowired
	Mailboxes mailboxes;

	@Autowired
	AuditLog auditLog;

	@BeforeEach
	@AfterEach
	void reset() {
		STANDIN.reset();
		this.mailboxes.invalidate();
	}

	@ParameterizedTest
	@ValueSource(strings = { MaddyStandin.V07, MaddyStandin.V09 })
	void createRecreatePasswordArchiveAndDelete(String version) {
		STANDIN.version(version);
		String address = unique("life");
		String first = "first passphrase " + System.nanoTime();
		String second = "second passphrase " + System.nanoTime();
		String third = "third passphrase " + System.nanoTime();

		MailboxOutcome created = this.mailboxes.create(address, first, false);
		assertThat(created.success()).as(created.toString()).isTrue();
		assertThat(created.resultKey()).isEqualTo("mailboxes.result.created");
		assertThat(created.runs()).extracting(MaddyRun::commandLine)
			.satisfiesExactly((line) -> assertThat(line).endsWith("creds create " + address),
					(line) -> assertThat(line).endsWith("imap-acct create " + address));
		assertThat(this.mailboxes.find(address)).get().extracting(Mailbox::state).isEqualTo(Mailbox.State.COMPLETE);
		assertThat(STANDIN.credentialValue(address)).isEqualTo(MaddyStandin.valueOf(first));

		MailboxOutcome again = this.mailboxes.create(address, second, false);
		assertThat(again.success()).isFalse();
		assertThat(again.resultKey()).isEqualTo("mailboxes.result.already-exists");
		assertThat(again.runs()).singleElement()
			.satisfies((run) -> assertThat(run.error()).isEqualTo(MaddyError.ALREADY_EXISTS));
		assertThat(STANDIN.credentialValue(address)).isEqualTo(MaddyStandin.valueOf(first));

		MailboxOutcome password = this.mailboxes.changePassword(address, second);
		assertThat(password.success()).isTrue();
		assertThat(password.resultKey()).isEqualTo("mailboxes.result.password-changed");
		assertThat(STANDIN.credentialValue(address)).isEqualTo(MaddyStandin.valueOf(second));

		MailboxOutcome archived = this.mailboxes.delete(address, true);
		assertThat(archived.success()).isTrue();
		assertThat(archived.resultKey()).isEqualTo("mailboxes.result.archived");
		assertThat(archived.noteKeys()).containsExactly("mailboxes.note.kept-mail");
		assertThat(archived.runs()).singleElement()
			.satisfies((run) -> assertThat(run.commandLine()).endsWith("creds remove -y " + address));
		assertThat(this.mailboxes.find(address)).get()
			.extracting(Mailbox::state)
			.isEqualTo(Mailbox.State.NO_CREDENTIALS);

		assertThat(this.mailboxes.needsKeptMailConsent(address, false)).isTrue();
		assertThat(this.mailboxes.needsKeptMailConsent(address, true)).isFalse();
		MailboxOutcome refused = this.mailboxes.create(address, third, false);
		assertThat(refused.resultKey()).isEqualTo("mailboxes.result.kept-mail-needs-consent");
		assertThat(refused.runs()).isEmpty();
		MailboxOutcome takenOver = this.mailboxes.create(address, third, true);
		assertThat(takenOver.success()).isTrue();
		assertThat(takenOver.resultKey()).isEqualTo("mailboxes.result.created-with-kept-mail");
		assertThat(takenOver.noteKeys()).containsExactly("mailboxes.note.kept-mail-taken-over");
		assertThat(takenOver.runs()).hasSize(1);

		MailboxOutcome deleted = this.mailboxes.delete(address, false);
		assertThat(deleted.success()).isTrue();
		assertThat(deleted.resultKey()).isEqualTo("mailboxes.result.deleted");
		assertThat(deleted.runs()).hasSize(2);
		assertThat(this.mailboxes.find(address)).isEmpty();
		assertThat(this.mailboxes.delete(address, false).resultKey()).isEqualTo("mailboxes.result.not-found");

		assertNeverRecorded(first, second, third);
		assertThat(this.auditLog.find(address, Pageable.ofSize(50)).getContent()).extracting(AuditEvent::getAction)
			.contains("mailbox.create", "mailbox.password", "mailbox.archive", "mailbox.delete", "command.run");
	}

	@ParameterizedTest
	@ValueSource(strings = { MaddyStandin.V07, MaddyStandin.V09 })
	void createUndoesTheLoginWhenTheImapAccountFails(String version) {
		STANDIN.version(version);
		STANDIN.fail("imap-acct", "create", "imapsql: database is locked");
		String address = unique("undo");
		String password = "rollback passphrase " + System.nanoTime();

		MailboxOutcome outcome = this.mailboxes.create(address, password, false);

		assertThat(outcome.success()).isFalse();
		assertThat(outcome.resultKey()).isEqualTo("mailboxes.result.create-undone");
		assertThat(outcome.runs()).extracting(MaddyRun::error).containsExactly(null, MaddyError.FAILED, null);
		assertThat(outcome.runs().get(1).message()).isEqualTo("imapsql: database is locked");
		assertThat(outcome.runs().get(2).commandLine()).endsWith("creds remove -y " + address);
		assertThat(this.mailboxes.find(address)).isEmpty();
		assertThat(STANDIN.credentialValue(address)).isNull();
		assertNeverRecorded(password);
		AuditEvent event = this.auditLog.find(address, Pageable.ofSize(50))
			.stream()
			.filter((candidate) -> candidate.getAction().equals("mailbox.create"))
			.findFirst()
			.orElseThrow();
		assertThat(event.isSuccess()).isFalse();
		assertThat(event.getDetail()).contains("mailboxes.result.create-undone", "imap-acct create " + address,
				"imapsql: database is locked");
	}

	@ParameterizedTest
	@ValueSource(strings = { MaddyStandin.V07, MaddyStandin.V09 })
	void failedUndoLeavesAHalfMadeMailboxThatRepairFixes(String version) {
		STANDIN.version(version);
		STANDIN.fail("imap-acct", "create", "imapsql: disk full");
		STANDIN.fail("creds", "remove", "credentials.db: read-only file system");
		String address = unique("half");

		MailboxOutcome outcome = this.mailboxes.create(address, "half made passphrase", false);
		assertThat(outcome.resultKey()).isEqualTo("mailboxes.result.create-undo-failed");
		assertThat(this.mailboxes.find(address)).get()
			.extracting(Mailbox::state)
			.isEqualTo(Mailbox.State.NO_IMAP_ACCOUNT);

		STANDIN.reset();
		STANDIN.version(version);
		MailboxOutcome repaired = this.mailboxes.repair(address);
		assertThat(repaired.success()).isTrue();
		assertThat(repaired.resultKey()).isEqualTo("mailboxes.result.repaired");
		assertThat(this.mailboxes.find(address)).get().extracting(Mailbox::state).isEqualTo(Mailbox.State.COMPLETE);
		assertThat(this.mailboxes.repair(address).resultKey()).isEqualTo("mailboxes.result.repair-not-possible");
	}

	@ParameterizedTest
	@ValueSource(strings = { MaddyStandin.V07, MaddyStandin.V09 })
	void passwordOfAMissingLoginRunsNothing(String version) {
		STANDIN.version(version);
		String address = unique("nologin");
		MailboxOutcome outcome = this.mailboxes.changePassword(address, "some passphrase 123");
		assertThat(outcome.success()).isFalse();
		assertThat(outcome.resultKey()).isEqualTo("mailboxes.result.no-login");
		assertThat(outcome.runs()).isEmpty();
		assertThat(STANDIN.callLog()).doesNotContain("password\t" + address);
		assertThat(STANDIN.credentialValue(address)).isNull();
	}

	@Test
	void listIsFilteredPagedAndCountedByDomain() {
		assertThat(this.mailboxes.countIn("cinay.eu")).isPositive();
		assertThat(this.mailboxes.find("cinay.eu", null, PageRequest.of(0, 50)))
			.allSatisfy((mailbox) -> assertThat(mailbox.domain()).isEqualTo("cinay.eu"));
		assertThat(this.mailboxes.find(null, "alice", PageRequest.of(0, 50))).extracting(Mailbox::address)
			.contains("alice@xoyize.xyz");
	}

	@Test
	void listingIsCachedUntilAChange() {
		this.mailboxes.all();
		String before = STANDIN.callLog();
		this.mailboxes.all();
		this.mailboxes.countIn("xoyize.xyz");
		assertThat(STANDIN.callLog()).isEqualTo(before);
	}

	private void assertNeverRecorded(String... passwords) {
		String calls = STANDIN.callLog();
		List<AuditEvent> events = this.auditLog.latest(500);
		for (String password : passwords) {
			assertThat(calls).as("stand-in call log").doesNotContain(password);
			assertThat(this.auditLog.find(password, Pageable.ofSize(10))).as("audit search").isEmpty();
			assertThat(events).noneSatisfy(
					(event) -> assertThat(String.valueOf(event.getDetail()) + event.getTarget()).contains(password));
		}
	}

	private static String unique(String prefix) {
		return prefix + System.nanoTime() + "@xoyize.xyz";
	}

}
