package postern.health;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The health stores against the real database (migrations included): the latest results
 * of each subject come from the last run that checked it, even when later runs checked
 * only other subjects; runs left unfinished are found; a mute counts until the end of its
 * last day.
 */
@DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=validate", showSql = false)
class HealthResultRepositoryTests {

	static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

	@Autowired
	HealthRunRepository runs;

	@Autowired
	HealthResultRepository results;

	@Autowired
	HealthMuteRepository mutes;

	private Long run(Verdict verdict, String... subjects) {
		HealthRun run = this.runs.save(new HealthRun(NOW, null, "manual"));
		for (String subject : subjects) {
			for (String check : List.of("mx", "spf")) {
				this.results.save(new HealthResult(run.getId(),
						CheckResult.of(subject, check, verdict, "health." + check + ".ok", subject), NOW));
			}
		}
		return run.getId();
	}

	@Test
	void latestResultsOfEachSubjectComeFromTheLastRunThatCheckedIt() {
		Long both = run(Verdict.ERROR, "example.org", "example.net");
		Long one = run(Verdict.OK, "example.org");

		assertThat(this.results.latest())
			.extracting(HealthResult::getSubject, HealthResult::getCheck, HealthResult::getRunId)
			.containsExactly(tuple("example.net", "mx", both), tuple("example.net", "spf", both),
					tuple("example.org", "mx", one), tuple("example.org", "spf", one));
		assertThat(this.results.latestOf("example.net")).extracting(HealthResult::getVerdict)
			.containsExactly(Verdict.ERROR, Verdict.ERROR);
		assertThat(this.results.latestOf("example.com")).isEmpty();
		assertThat(this.results.findByRunIdOrderById(one)).extracting(HealthResult::getCheck)
			.containsExactly("mx", "spf");
	}

	@Test
	void unfinishedRunsAreFoundAndTheNewestComesFirst() {
		HealthRun finished = this.runs.save(new HealthRun(NOW, "example.org", "scheduled"));
		finished.finished(NOW.plusSeconds(3));
		this.runs.save(finished);
		HealthRun unfinished = this.runs.save(new HealthRun(NOW.plusSeconds(5), null, "scheduled"));

		assertThat(this.runs.findByFinishedAtIsNull()).extracting(HealthRun::getId).containsExactly(unfinished.getId());
		assertThat(this.runs.findFirstByOrderByIdDesc()).map(HealthRun::getId).hasValue(unfinished.getId());
		assertThat(this.runs.findAllByOrderByIdDesc(PageRequest.of(0, 5))).extracting(HealthRun::getId)
			.containsExactly(unfinished.getId(), finished.getId());
		assertThat(this.runs.findById(finished.getId())).map(HealthRun::getFinishedAt).hasValue(NOW.plusSeconds(3));
	}

	@Test
	void aMuteCountsUntilTheEndOfItsLastDay() {
		LocalDate today = LocalDate.of(2026, 3, 1);
		this.mutes.save(new HealthMute("example.org", "dnssec", "hosted elsewhere", today.minusDays(1), NOW));
		this.mutes.save(new HealthMute("example.org", "caa", "known", today, NOW));
		this.mutes.save(new HealthMute("example.net", "caa", null, today.plusDays(30), NOW));

		assertThat(this.mutes.findByUntilGreaterThanEqual(today))
			.extracting(HealthMute::getSubject, HealthMute::getCheck)
			.containsExactlyInAnyOrder(tuple("example.org", "caa"), tuple("example.net", "caa"));
		assertThat(this.mutes.findBySubjectAndCheck("example.org", "dnssec")).map(HealthMute::getReason)
			.hasValue("hosted elsewhere");
		assertThat(this.mutes.findBySubjectAndCheck("EXAMPLE.ORG", "dnssec"))
			.as("an exact match: subjects are stored lower-case")
			.isEmpty();
	}

}
