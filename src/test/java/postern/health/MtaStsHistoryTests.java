package postern.health;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What earlier runs saw of a domain's MTA-STS, against the real database (migrations
 * included): a policy served under an id seen before with another policy is the one case
 * the id is wrong; a new id, or the same policy under the same id, is fine.
 */
@DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=validate", showSql = false)
class MtaStsHistoryTests {

	static final String DOMAIN = "example.test";

	@Autowired
	HealthRunRepository runs;

	@Autowired
	HealthResultRepository results;

	private Long run(String digest, String id) {
		HealthRun run = this.runs.save(new HealthRun(Instant.now(), null, "scheduled"));
		CheckResult result = CheckResult.of(DOMAIN, "mta-sts", Verdict.OK, "health.mta-sts.ok", id)
			.seeing(new MtaStsSeen(digest, id, "_mta-sts." + DOMAIN + ". 3600 IN TXT \"v=STSv1; id=new1\""));
		this.results.save(new HealthResult(run.getId(), result, Instant.now()));
		return run.getId();
	}

	@Test
	void onlyAnotherPolicyUnderTheSameIdCounts() {
		String first = "a".repeat(64);
		String second = "b".repeat(64);
		Long one = run(first, "handmade1");
		assertThat(this.results.otherPoliciesUnderId(DOMAIN, "handmade1", first, one + 1)).isZero();
		assertThat(this.results.otherPoliciesUnderId(DOMAIN, "handmade1", second, one + 1)).isOne();
		assertThat(this.results.otherPoliciesUnderId(DOMAIN, "handmade2", second, one + 1)).isZero();
		assertThat(this.results.otherPoliciesUnderId("other.test", "handmade1", second, one + 1)).isZero();
		assertThat(this.results.otherPoliciesUnderId(DOMAIN, "handmade1", second, one)).as("only earlier runs")
			.isZero();
		Long two = run(second, "handmade1");
		assertThat(this.results.otherPoliciesUnderId(DOMAIN, "handmade1", second, two + 1))
			.as("the error lasts until the id changes")
			.isOne();
	}

}
