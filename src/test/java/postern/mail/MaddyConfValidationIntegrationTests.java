package postern.mail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import postern.PosternIntegrationTests;
import postern.change.ApplyOutcome;
import postern.change.Change;
import postern.change.ChangeRequest;
import postern.change.ChangeService;
import postern.change.FileEdit;
import postern.host.FileSnapshot;
import postern.host.Hosts;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The change pipeline with the real maddy.conf validator and the maddy stand-in: a
 * candidate the CLI refuses is never written, under both error behaviours.
 */
class MaddyConfValidationIntegrationTests extends PosternIntegrationTests {

	static final MaddyStandin STANDIN = new MaddyStandin(SERVER);

	@Autowired
	ChangeService changes;

	@Autowired
	Hosts hosts;

	Path config = SERVER.resolve("etc/maddy/maddy.conf");

	@AfterEach
	void reset() {
		STANDIN.reset();
	}

	@Test
	void candidateTheCliRefusesIsNeverWritten() throws Exception {
		for (String version : List.of(MaddyStandin.V07, MaddyStandin.V09)) {
			STANDIN.version(version);
			byte[] before = Files.readAllBytes(this.config);
			assertRefused(before, new String(before, StandardCharsets.UTF_8) + "\nimap tcp://0.0.0.0:1143 {\n",
					"failed to parse config");
			assertRefused(before, "stray words\n" + new String(before, StandardCharsets.UTF_8),
					"unknown module or global directive: stray");
		}
	}

	@Test
	void candidateTheCliReadsIsValid() {
		FileSnapshot snapshot = this.hosts.current().read(this.config);
		byte[] candidate = (new String(snapshot.content(), StandardCharsets.UTF_8) + "\n# checked\n")
			.getBytes(StandardCharsets.UTF_8);
		Change change = this.changes.preview(request(snapshot, candidate));
		assertThat(change.isValid()).isTrue();
		assertThat(this.changes.discard(change.getId())).isTrue();
	}

	private void assertRefused(byte[] before, String candidate, String message) throws Exception {
		FileSnapshot snapshot = this.hosts.current().read(this.config);
		Change change = this.changes.preview(request(snapshot, candidate.getBytes(StandardCharsets.UTF_8)));
		assertThat(change.isValid()).isFalse();
		assertThat(change.getFiles().get(0).getValidationOutput()).contains(message)
			.contains(this.config.toString())
			.doesNotContain(".postern-check-");
		assertThat(this.changes.apply(change.getId())).isNotEqualTo(ApplyOutcome.APPLIED);
		assertThat(Files.readAllBytes(this.config)).isEqualTo(before);
		try (var files = Files.list(this.config.getParent())) {
			assertThat(files.map((path) -> path.getFileName().toString()))
				.noneMatch((name) -> name.contains("postern-check"));
		}
	}

	private ChangeRequest request(FileSnapshot snapshot, byte[] candidate) {
		return ChangeRequest.titled("change.title.restore", List.of(this.config.toString(), "test"), "check maddy.conf",
				List.of(FileEdit.validated(snapshot, candidate, "maddy-conf")), List.of());
	}

}
