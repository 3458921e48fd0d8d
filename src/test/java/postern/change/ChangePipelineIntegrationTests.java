package postern.change;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import postern.PosternIntegrationTests;
import postern.audit.AuditLog;
import postern.host.Backup;
import postern.host.Host;
import postern.host.Hosts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Pageable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change pipeline on the real local host, over the files of a server root: atomic
 * writes, backups, rollback and the audit log together.
 */
class ChangePipelineIntegrationTests extends PosternIntegrationTests {

	@Autowired
	ChangeService changes;

	@Autowired
	Hosts hosts;

	@Autowired
	AuditLog auditLog;

	@Autowired
	FakeChangeValidator validator;

	@Autowired
	FakeChangeReloader reloader;

	Path caddyfile = SERVER.resolve("etc/caddy/Caddyfile");

	Path aliases = SERVER.resolve("etc/maddy/aliases");

	@BeforeEach
	void reset() {
		this.validator.pass();
		this.reloader.reset();
	}

	@Test
	void applyWritesEveryFileKeepsBackupsAndAuditsTheDiff() throws Exception {
		String marker = "apply-" + System.nanoTime();
		Change change = this.changes.preview(request(marker));
		assertThat(this.changes.apply(change.getId())).isEqualTo(ApplyOutcome.APPLIED);

		assertThat(Files.readString(this.caddyfile)).endsWith("# " + marker + "\n");
		assertThat(Files.readString(this.aliases)).endsWith(marker + "@xoyize.xyz: yann@xoyize.xyz\n");
		List<Path> backedUp = host().backups().stream().map(Backup::path).toList();
		assertThat(backedUp).contains(this.caddyfile, this.aliases);
		assertThat(this.auditLog.find(marker, Pageable.ofSize(10))).isNotEmpty();
		assertThat(this.changes.find(change.getId()).getState()).isEqualTo(ChangeState.APPLIED);
	}

	@Test
	void failingReloadRestoresEveryFileByteForByte() throws Exception {
		byte[] caddyfileBefore = Files.readAllBytes(this.caddyfile);
		byte[] aliasesBefore = Files.readAllBytes(this.aliases);
		Change change = this.changes.preview(request("rollback-" + System.nanoTime()));
		this.reloader.failNext(1);

		assertThat(this.changes.apply(change.getId())).isEqualTo(ApplyOutcome.ROLLED_BACK);

		assertThat(Files.readAllBytes(this.caddyfile)).isEqualTo(caddyfileBefore);
		assertThat(Files.readAllBytes(this.aliases)).isEqualTo(aliasesBefore);
		assertThat(this.changes.find(change.getId()).getState()).isEqualTo(ChangeState.ROLLED_BACK);
	}

	@Test
	void failingValidationWritesNothing() throws Exception {
		byte[] caddyfileBefore = Files.readAllBytes(this.caddyfile);
		int backupsBefore = host().backups().size();
		Change change = this.changes.preview(request("invalid-" + System.nanoTime()));
		this.validator.failWith("Error: unrecognized directive: nope");

		assertThat(this.changes.apply(change.getId())).isEqualTo(ApplyOutcome.ROLLED_BACK);

		assertThat(Files.readAllBytes(this.caddyfile)).isEqualTo(caddyfileBefore);
		assertThat(host().backups()).hasSize(backupsBefore);
	}

	private ChangeRequest request(String marker) {
		Host host = host();
		byte[] caddyfileNext = (read(this.caddyfile) + "# " + marker + "\n").getBytes(StandardCharsets.UTF_8);
		byte[] aliasesNext = (read(this.aliases) + marker + "@xoyize.xyz: yann@xoyize.xyz\n")
			.getBytes(StandardCharsets.UTF_8);
		List<FileEdit> edits = new ArrayList<>();
		edits.add(FileEdit.validated(host.read(this.caddyfile), caddyfileNext, this.validator.id()));
		edits.add(FileEdit.of(host.read(this.aliases), aliasesNext));
		return ChangeRequest.titled(null, List.of(), marker, edits, List.of(this.reloader.id()));
	}

	private Host host() {
		return this.hosts.current();
	}

	private static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Doubles {

		@Bean
		FakeChangeValidator testCaddyfileValidator() {
			return new FakeChangeValidator("test-caddyfile");
		}

		@Bean
		FakeChangeReloader testCaddyReloader() {
			return new FakeChangeReloader("test-caddy", new ArrayList<>());
		}

	}

}
