package postern.change;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import postern.host.FileSnapshot;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The V2 migration and the change entities agree: Hibernate validates the schema, and a
 * change with two files and a log survives a round trip.
 */
@DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=validate", showSql = false)
class ChangeRepositoryTests {

	@Autowired
	ChangeRepository repository;

	@Autowired
	TestEntityManager entityManager;

	@Test
	void saveAndLoadAChangeWithTwoFiles() {
		Path caddyfile = Path.of("/etc/caddy/Caddyfile");
		Path site = Path.of("/etc/caddy/sites/new.caddy");
		FileSnapshot existing = FileSnapshot.of(caddyfile, "a {\n}\n".getBytes(), "root", "caddy", 0640);
		FileSnapshot missing = FileSnapshot.absent(site);
		ChangeRequest request = new ChangeRequest("change.title.test", List.of("a.example", "b.example"), "summary",
				List.of(FileEdit.validated(existing, "b {\n}\n".getBytes(), "caddyfile"),
						FileEdit.of(missing, "c {\n}\n".getBytes())),
				List.of("caddy", "maddy"), "/sites/a.example/edit");
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Change change = new Change(request, "vps", now);
		ChangeFile first = new ChangeFile(request.edits().get(0), "--- a/etc/caddy/Caddyfile\n");
		first.validated(ValidationResult.invalid("bad"));
		change.addFile(first);
		change.addFile(new ChangeFile(request.edits().get(1), ""));
		change.addStep(new ChangeStep(now, false, "change.step.reload-failed", List.of("caddy"), "failed"));
		change.moveTo(ChangeState.ROLLED_BACK, now);

		Long id = this.repository.save(change).getId();
		this.entityManager.flush();
		this.entityManager.clear();
		Change loaded = this.repository.findById(id).orElseThrow();

		assertThat(loaded.getTitleKey()).isEqualTo("change.title.test");
		assertThat(loaded.getTitleArgs()).containsExactly("a.example", "b.example");
		assertThat(loaded.getSummary()).isEqualTo("summary");
		assertThat(loaded.getOrigin()).isEqualTo("/sites/a.example/edit");
		assertThat(loaded.getHostName()).isEqualTo("vps");
		assertThat(loaded.getState()).isEqualTo(ChangeState.ROLLED_BACK);
		assertThat(loaded.getCreatedAt()).isEqualTo(now);
		assertThat(loaded.getFinishedAt()).isEqualTo(now);
		assertThat(loaded.getReloaders()).containsExactly("caddy", "maddy");
		assertThat(loaded.getFiles()).hasSize(2);
		ChangeFile loadedFirst = loaded.getFiles().get(0);
		assertThat(loadedFirst.getPath()).isEqualTo(caddyfile);
		assertThat(loadedFirst.isOriginalExists()).isTrue();
		assertThat(loadedFirst.getOriginalSha256()).isEqualTo(existing.sha256());
		assertThat(loadedFirst.getOriginalContent()).isEqualTo("a {\n}\n".getBytes());
		assertThat(loadedFirst.getCandidateContent()).isEqualTo("b {\n}\n".getBytes());
		assertThat(loadedFirst.getDiff()).startsWith("--- a/etc/caddy/Caddyfile");
		assertThat(loadedFirst.getValidator()).isEqualTo("caddyfile");
		assertThat(loadedFirst.getValidationOk()).isFalse();
		assertThat(loadedFirst.getValidationOutput()).isEqualTo("bad");
		ChangeFile loadedSecond = loaded.getFiles().get(1);
		assertThat(loadedSecond.getPath()).isEqualTo(site);
		assertThat(loadedSecond.isOriginalExists()).isFalse();
		assertThat(loadedSecond.getOriginalSha256()).isEqualTo(FileSnapshot.ABSENT);
		assertThat(loadedSecond.getOriginalContent()).isEmpty();
		assertThat(loadedSecond.getValidator()).isNull();
		assertThat(loadedSecond.getValidationOk()).isNull();
		assertThat(loaded.getSteps()).singleElement().satisfies((step) -> {
			assertThat(step.getMessageKey()).isEqualTo("change.step.reload-failed");
			assertThat(step.getMessageArgs()).containsExactly("caddy");
			assertThat(step.isSuccess()).isFalse();
			assertThat(step.getOutput()).isEqualTo("failed");
		});
		assertThat(this.repository.findByState(ChangeState.ROLLED_BACK)).extracting(Change::getId).contains(id);
	}

}
