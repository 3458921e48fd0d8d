package postern.change;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import postern.audit.AuditLog;
import postern.host.Backup;
import postern.host.FileSnapshot;
import postern.host.Hosts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The change pipeline against an in-memory host and the real database: every step saves
 * on its own, as in production.
 */
@DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=validate", showSql = false)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({ ChangeService.class, ChangeWrites.class, ChangeHandlers.class, BackupService.class, InterruptedChanges.class,
		ChangeServiceTests.Doubles.class })
class ChangeServiceTests {

	static final Path CADDYFILE = Path.of("/etc/caddy/Caddyfile");

	static final Path MADDY_CONF = Path.of("/etc/maddy/maddy.conf");

	static final String CADDYFILE_BEFORE = "example.org {\n\troot * /var/caddy/www/example.org\n\tfile_server\n}\n";

	static final String CADDYFILE_AFTER = CADDYFILE_BEFORE
			+ "\nshop.example.org {\n\treverse_proxy 127.0.0.1:3000\n}\n";

	static final String MADDY_BEFORE = "$(local_domains) = $(primary_domain) example.net\n";

	static final String MADDY_AFTER = "$(local_domains) = $(primary_domain) example.net shop.example.org\n";

	static final List<String> journal = new CopyOnWriteArrayList<>();

	@Autowired
	ChangeService service;

	@Autowired
	BackupService backups;

	@Autowired
	ChangeRepository repository;

	@Autowired
	InMemoryHost host;

	@Autowired
	FakeChangeValidator validator;

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	Doubles doubles;

	@MockitoBean
	AuditLog auditLog;

	@BeforeEach
	void resetServer() {
		this.host.put(CADDYFILE, CADDYFILE_BEFORE);
		this.host.put(MADDY_CONF, MADDY_BEFORE);
		this.host.clearFailures();
		this.validator.pass();
		this.doubles.caddy.reset();
		this.doubles.maddy.reset();
		journal.clear();
	}

	@Test
	void aChangeLeftApplyingShowsAmongTheInterruptedOnceMarked() {
		List<Long> before = this.service.interrupted().stream().map(InterruptedChange::id).toList();
		Change change = this.service.preview(twoFileChange());
		change.moveTo(ChangeState.APPLYING, java.time.Instant.now());
		this.repository.save(change);
		assertThat(this.service.interrupted()).extracting(InterruptedChange::id).isEqualTo(before);

		this.service.interruptLeftovers();

		assertThat(this.service.interrupted()).extracting(InterruptedChange::id).contains(change.getId());
		assertThat(this.service.interrupted()).filteredOn((interrupted) -> interrupted.id() == change.getId())
			.singleElement()
			.satisfies((interrupted) -> assertThat(interrupted.files()).contains(CADDYFILE, MADDY_CONF));
	}

	@Test
	void previewWhenValidatorFailsShowsItAndApplyWritesNothing() {
		this.validator
			.failWith("Error: adapting config using caddyfile: Caddyfile:5: unrecognized directive: revers_proxy");
		int backupsBefore = this.host.backups().size();
		Change change = this.service.preview(twoFileChange());
		assertThat(change.isValid()).isFalse();
		ChangeFile caddyfile = change.getFiles().get(0);
		assertThat(caddyfile.getValidationOk()).isFalse();
		assertThat(caddyfile.getValidationOutput()).contains("unrecognized directive");
		assertThat(caddyfile.getDiff()).contains("+shop.example.org {");
		assertThat(this.service.find(change.getId()).getFiles().get(0).getValidationOk()).isFalse();

		ApplyOutcome outcome = this.service.apply(change.getId());

		assertThat(outcome).isEqualTo(ApplyOutcome.ROLLED_BACK);
		assertThat(this.host.content(CADDYFILE)).isEqualTo(CADDYFILE_BEFORE);
		assertThat(this.host.content(MADDY_CONF)).isEqualTo(MADDY_BEFORE);
		assertThat(this.host.backups()).hasSize(backupsBefore);
		assertThat(journal).isEmpty();
		Change stored = this.service.find(change.getId());
		assertThat(stored.getState()).isEqualTo(ChangeState.ROLLED_BACK);
		assertThat(keys(stored)).containsExactly("change.step.invalid", "change.step.rolled-back-untouched");
		assertThat(stored.getSteps().get(0).getOutput()).contains("unrecognized directive");
	}

	@Test
	void applyWhenValidatorFailsOnlyAtApplyWritesNothing() {
		Change change = this.service.preview(twoFileChange());
		assertThat(change.isValid()).isTrue();
		this.validator.failWith("caddy: not found");
		int backupsBefore = this.host.backups().size();

		assertThat(this.service.apply(change.getId())).isEqualTo(ApplyOutcome.ROLLED_BACK);

		assertThat(this.host.content(CADDYFILE)).isEqualTo(CADDYFILE_BEFORE);
		assertThat(this.host.content(MADDY_CONF)).isEqualTo(MADDY_BEFORE);
		assertThat(this.host.backups()).hasSize(backupsBefore);
		assertThat(journal).isEmpty();
		verify(this.auditLog).record(eq("change.rolled-back"), anyString(), eq(false), contains("caddy: not found"));
	}

	@Test
	void applyWhenSecondReloaderFailsRestoresEveryFileAndReloadsAgain() {
		Change change = this.service.preview(twoFileChange());
		this.doubles.maddy.failNext(1);

		ApplyOutcome outcome = this.service.apply(change.getId());

		assertThat(outcome).isEqualTo(ApplyOutcome.ROLLED_BACK);
		assertThat(this.host.content(CADDYFILE)).isEqualTo(CADDYFILE_BEFORE);
		assertThat(this.host.content(MADDY_CONF)).isEqualTo(MADDY_BEFORE);
		assertThat(journal).containsExactly("write " + CADDYFILE, "write " + MADDY_CONF, "reload caddy", "reload maddy",
				"write " + MADDY_CONF, "write " + CADDYFILE, "reload caddy", "reload maddy");
		Change stored = this.service.find(change.getId());
		assertThat(stored.getState()).isEqualTo(ChangeState.ROLLED_BACK);
		assertThat(stored.getFinishedAt()).isNotNull();
		assertThat(keys(stored)).containsExactly("change.step.valid", "change.step.written", "change.step.written",
				"change.step.reloaded", "change.step.reload-failed", "change.step.restored", "change.step.restored",
				"change.step.reloaded-again", "change.step.reloaded-again", "change.step.rolled-back");
		ChangeStep failed = stored.getSteps().get(4);
		assertThat(failed.isSuccess()).isFalse();
		assertThat(failed.getMessageArgs()).containsExactly("maddy");
		assertThat(failed.getOutput()).contains("Job failed");
		assertThat(stored.getSteps().get(5).getMessageArgs()).containsExactly(MADDY_CONF.toString());
		verify(this.auditLog).record(eq("change.rolled-back"), contains("change " + change.getId()), eq(false),
				contains("+shop.example.org {"));
		verify(this.auditLog, never()).record(eq("change.applied"), anyString(), eq(true), anyString());
	}

	@Test
	void applyWhenRollbackReloadFailsSaysTheRollbackIsIncomplete() {
		Change change = this.service.preview(twoFileChange());
		this.doubles.maddy.failNext(2);

		assertThat(this.service.apply(change.getId())).isEqualTo(ApplyOutcome.ROLLED_BACK);

		assertThat(this.host.content(MADDY_CONF)).isEqualTo(MADDY_BEFORE);
		List<String> keys = keys(this.service.find(change.getId()));
		assertThat(keys).contains("change.step.reload-again-failed").endsWith("change.step.rolled-back-incomplete");
	}

	@Test
	void applyWhenSecondWriteFailsRestoresTheFirstFile() {
		Change change = this.service.preview(twoFileChange());
		this.host.failWritesTo(MADDY_CONF);

		assertThat(this.service.apply(change.getId())).isEqualTo(ApplyOutcome.ROLLED_BACK);

		assertThat(this.host.content(CADDYFILE)).isEqualTo(CADDYFILE_BEFORE);
		assertThat(this.host.content(MADDY_CONF)).isEqualTo(MADDY_BEFORE);
		assertThat(journal).containsExactly("write " + CADDYFILE, "write " + CADDYFILE, "reload caddy", "reload maddy");
		Change stored = this.service.find(change.getId());
		assertThat(keys(stored)).containsExactly("change.step.valid", "change.step.written", "change.step.write-failed",
				"change.step.restored", "change.step.reloaded-again", "change.step.reloaded-again",
				"change.step.rolled-back");
		assertThat(stored.getSteps().get(2).getOutput()).contains("disk full");
	}

	@Test
	void applyWhenFileChangedOnDiskRefusesAndWritesNothing() {
		Change change = this.service.preview(twoFileChange());
		this.host.put(MADDY_CONF, "# edited by hand\n" + MADDY_BEFORE);

		ApplyOutcome outcome = this.service.apply(change.getId());

		assertThat(outcome).isEqualTo(ApplyOutcome.CONFLICT);
		assertThat(this.host.content(CADDYFILE)).isEqualTo(CADDYFILE_BEFORE);
		assertThat(this.host.content(MADDY_CONF)).isEqualTo("# edited by hand\n" + MADDY_BEFORE);
		assertThat(journal).isEmpty();
		Change stored = this.service.find(change.getId());
		assertThat(stored.getState()).isEqualTo(ChangeState.PREVIEWED);
		assertThat(keys(stored)).containsExactly("change.step.changed-on-disk", "change.step.nothing-written");
		assertThat(stored.getSteps().get(0).getMessageArgs()).containsExactly(MADDY_CONF.toString());
		verify(this.auditLog).record(eq("change.refused"), anyString(), eq(false), anyString());
	}

	@Test
	void applyWritesEveryFileInOrderThenReloadsInOrder() {
		Change change = this.service.preview(twoFileChange());
		assertThat(change.getState()).isEqualTo(ChangeState.PREVIEWED);
		assertThat(change.getHostName()).isEqualTo("vps");

		ApplyOutcome outcome = this.service.apply(change.getId());

		assertThat(outcome).isEqualTo(ApplyOutcome.APPLIED);
		assertThat(this.host.content(CADDYFILE)).isEqualTo(CADDYFILE_AFTER);
		assertThat(this.host.content(MADDY_CONF)).isEqualTo(MADDY_AFTER);
		assertThat(journal).containsExactly("write " + CADDYFILE, "write " + MADDY_CONF, "reload caddy",
				"reload maddy");
		Change stored = this.service.find(change.getId());
		assertThat(stored.getState()).isEqualTo(ChangeState.APPLIED);
		assertThat(keys(stored)).containsExactly("change.step.valid", "change.step.written", "change.step.written",
				"change.step.reloaded", "change.step.reloaded", "change.step.applied");
		assertThat(stored.getSteps().get(3).getOutput()).isEqualTo("caddy.service reloaded");
		verify(this.auditLog).record(eq("change.applied"), contains("new site shop.example.org"), eq(true),
				contains("+$(local_domains) = $(primary_domain) example.net shop.example.org"));
		assertThat(this.service.apply(change.getId())).isEqualTo(ApplyOutcome.NOT_PREVIEWED);
		assertThat(journal).hasSize(4);
	}

	@Test
	void applyCreatesAFileThatDidNotExist() {
		Path site = Path.of("/etc/caddy/sites/new.caddy");
		ChangeRequest request = ChangeRequest.titled("change.title.test", List.of(), "new file",
				List.of(FileEdit.of(this.host.read(site), InMemoryHost.bytes("new.example.org {\n}\n"))), List.of());
		Change change = this.service.preview(request);

		assertThat(this.service.apply(change.getId())).isEqualTo(ApplyOutcome.APPLIED);

		assertThat(this.host.content(site)).isEqualTo("new.example.org {\n}\n");
	}

	@Test
	void discardWhenPreviewedDiscardsAndAudits() {
		Change change = this.service.preview(twoFileChange());

		assertThat(this.service.discard(change.getId())).isTrue();

		assertThat(this.service.find(change.getId()).getState()).isEqualTo(ChangeState.DISCARDED);
		assertThat(this.service.discard(change.getId())).isFalse();
		assertThat(this.service.apply(change.getId())).isEqualTo(ApplyOutcome.NOT_PREVIEWED);
		assertThat(journal).isEmpty();
		verify(this.auditLog).record(eq("change.discarded"), anyString(), eq(true), contains("+shop.example.org {"));
	}

	@Test
	void applyWhenPreviewedForAnotherHostDoesNothing() {
		Change change = this.service.preview(twoFileChange());
		org.springframework.test.util.ReflectionTestUtils.setField(change, "hostName", "other-vps");
		this.repository.save(change);

		assertThat(this.service.apply(change.getId())).isEqualTo(ApplyOutcome.WRONG_HOST);

		assertThat(journal).isEmpty();
		assertThat(this.service.find(change.getId()).getState()).isEqualTo(ChangeState.PREVIEWED);
	}

	@Test
	void requestWithTwoEditsOfOneFileIsRefused() {
		FileEdit edit = FileEdit.of(this.host.read(CADDYFILE), InMemoryHost.bytes(CADDYFILE_AFTER));
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> ChangeRequest.titled(null, List.of(), "twice", List.of(edit, edit), List.of()));
	}

	@Test
	void previewWithAnUnknownReloaderIsRefused() {
		ChangeRequest request = ChangeRequest.titled(null, List.of(), "unknown reloader",
				List.of(FileEdit.of(this.host.read(CADDYFILE), InMemoryHost.bytes(CADDYFILE_AFTER))), List.of("nginx"));
		long before = this.repository.count();
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> this.service.preview(request));
		assertThat(this.repository.count()).isEqualTo(before);
	}

	@Test
	void findWhenMissingThrowsNotFound() {
		org.assertj.core.api.Assertions.assertThatExceptionOfType(ChangeNotFoundException.class)
			.isThrownBy(() -> this.service.find(987654L));
	}

	@Test
	void applyingChangesBecomeInterruptedAtStartUp() {
		Change change = this.service.preview(twoFileChange());
		change.moveTo(ChangeState.APPLYING, java.time.Instant.now());
		change = this.repository.save(change);
		Change other = this.service.preview(twoFileChange());

		this.context.publishEvent(
				new ApplicationReadyEvent(new SpringApplication(), new String[0], this.context, Duration.ZERO));

		Change interrupted = this.service.find(change.getId());
		assertThat(interrupted.getState()).isEqualTo(ChangeState.INTERRUPTED);
		assertThat(keys(interrupted)).containsExactly("change.step.interrupted");
		assertThat(this.service.find(other.getId()).getState()).isEqualTo(ChangeState.PREVIEWED);
		verify(this.auditLog).recordAs(eq(AuditLog.SYSTEM), eq("change.interrupted"), anyString(), eq(false),
				anyString());
	}

	@Test
	void restoreOfABackupIsAChangeMadeFromTheCurrentFile() {
		Backup backup = this.host.addBackup(CADDYFILE, "old.example.org {\n}\n", java.time.Instant.now());

		Change change = this.backups.previewRestore(backup.id());

		assertThat(change.getTitleKey()).isEqualTo("change.title.restore");
		assertThat(change.getReloaders()).containsExactly("caddy");
		assertThat(change.getOrigin()).isEqualTo("/backups/" + backup.id());
		ChangeFile file = change.getFiles().get(0);
		assertThat(file.getValidator()).isEqualTo("caddyfile");
		assertThat(file.getOriginalSha256()).isEqualTo(FileSnapshot.sha256(InMemoryHost.bytes(CADDYFILE_BEFORE)));
		assertThat(file.getDiff()).contains("+old.example.org {");
		assertThat(this.host.content(CADDYFILE)).isEqualTo(CADDYFILE_BEFORE);

		assertThat(this.service.apply(change.getId())).isEqualTo(ApplyOutcome.APPLIED);

		assertThat(this.host.content(CADDYFILE)).isEqualTo("old.example.org {\n}\n");
		assertThat(journal).containsExactly("write " + CADDYFILE, "reload caddy");
	}

	@Test
	void backupGroupsAreByFileNewestFirst() {
		java.time.Instant now = java.time.Instant.now();
		Backup older = this.host.addBackup(MADDY_CONF, "a", now.minusSeconds(60));
		Backup newer = this.host.addBackup(MADDY_CONF, "b", now);

		List<BackupService.BackupGroup> groups = this.backups.groups();

		BackupService.BackupGroup maddy = groups.stream()
			.filter((group) -> group.path().equals(MADDY_CONF))
			.findFirst()
			.orElseThrow();
		assertThat(maddy.backups()).containsSubsequence(newer, older);
		assertThat(groups).allSatisfy(
				(group) -> assertThat(group.backups()).allSatisfy((b) -> assertThat(b.path()).isEqualTo(group.path())));
	}

	private ChangeRequest twoFileChange() {
		FileEdit caddyfile = FileEdit.validated(this.host.read(CADDYFILE), InMemoryHost.bytes(CADDYFILE_AFTER),
				"caddyfile");
		FileEdit maddy = FileEdit.of(this.host.read(MADDY_CONF), InMemoryHost.bytes(MADDY_AFTER));
		return ChangeRequest.titled("change.title.test", List.of("shop.example.org"), "new site shop.example.org",
				List.of(caddyfile, maddy), List.of("caddy", "maddy"));
	}

	private static List<String> keys(Change change) {
		return change.getSteps().stream().map(ChangeStep::getMessageKey).toList();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Doubles {

		final InMemoryHost host = new InMemoryHost("vps", journal);

		final FakeChangeReloader caddy = new FakeChangeReloader("caddy", journal);

		final FakeChangeReloader maddy = new FakeChangeReloader("maddy", journal);

		@Bean
		InMemoryHost inMemoryHost() {
			return this.host;
		}

		@Bean
		Hosts hosts() {
			return () -> this.host;
		}

		@Bean
		FakeChangeValidator caddyfileValidator() {
			return new FakeChangeValidator("caddyfile");
		}

		@Bean
		FakeChangeReloader caddyReloader() {
			return this.caddy;
		}

		@Bean
		FakeChangeReloader maddyReloader() {
			return this.maddy;
		}

	}

}
