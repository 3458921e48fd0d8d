package postern.health;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import postern.TestProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts against the real database (migrations included): the MX host has two addresses,
 * TLS on port 25 fails at one and works at the other, run after run. Each address has its
 * own history, so the failing one is alerted once, after its second failing run, and the
 * working one never; a mute of the check covers both addresses.
 */
@DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=validate", showSql = false)
class HealthAlertsTests {

	static final String MX = "mx1.example.test";

	static final String BROKEN = "192.0.2.1";

	static final String FINE = "2001:db8::1";

	@Autowired
	HealthRunRepository runs;

	@Autowired
	HealthResultRepository results;

	@Autowired
	HealthMuteRepository mutes;

	private HealthAlerts alerts() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("health.tls.untrusted", java.util.Locale.ENGLISH, "{0} is not trusted: {1}");
		// an address no server listens on: the post fails and is logged, the lines stay
		return new HealthAlerts(this.results, this.mutes, messages,
				TestProperties.bind(Map.of("postern.health.alert-webhook", "http://127.0.0.1:9/alerts")));
	}

	private Long run(boolean brokenFirst) {
		HealthRun run = this.runs.save(new HealthRun(Instant.now(), null, "scheduled"));
		List<String> order = brokenFirst ? List.of(BROKEN, FINE) : List.of(FINE, BROKEN);
		for (String address : order) {
			CheckResult result = address.equals(BROKEN)
					? CheckResult.of(MX, "tls-smtp", Verdict.ERROR, "health.tls.untrusted",
							MX + ":25 (" + address + ")", "self-signed")
					: CheckResult.of(MX, "tls-smtp", Verdict.OK, "health.tls.ok", MX + ":25 (" + address + ")", 60,
							"TLSv1.3");
			this.results.save(new HealthResult(run.getId(), result.at(address), Instant.now()));
		}
		return run.getId();
	}

	@Test
	void anAddressThatStaysBrokenIsAlertedOnceWhateverTheOtherAddressDoes() {
		HealthAlerts alerts = alerts();
		// the order the rows are stored in changes between runs, as the handshakes end
		assertThat(alerts.afterRun(run(true))).as("first failure: not yet").isEmpty();
		List<String> second = alerts.afterRun(run(false));
		assertThat(second).as("second failure in a row").hasSize(1);
		assertThat(second.get(0)).startsWith(MX + ": ").contains(BROKEN).doesNotContain(FINE);
		assertThat(alerts.afterRun(run(true))).as("still broken: already told").isEmpty();
	}

	@Test
	void eachAddressKeepsItsOwnResults() {
		Long first = run(true);
		Long second = run(false);
		assertThat(this.results.earlier(MX, "tls-smtp", BROKEN, second,
				org.springframework.data.domain.Pageable.unpaged()))
			.extracting(HealthResult::getVerdict, HealthResult::getAddress, HealthResult::getRunId)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Verdict.ERROR, BROKEN, first));
		assertThat(
				this.results.earlier(MX, "tls-smtp", FINE, second, org.springframework.data.domain.Pageable.unpaged()))
			.extracting(HealthResult::getVerdict)
			.containsExactly(Verdict.OK);
		assertThat(
				this.results.earlier(MX, "tls-smtp", null, second, org.springframework.data.domain.Pageable.unpaged()))
			.isEmpty();
	}

	@Test
	void aMuteOfTheCheckCoversEveryAddress() {
		this.mutes.save(new HealthMute(MX, "tls-smtp", "known", LocalDate.now().plusDays(7), Instant.now()));
		HealthAlerts alerts = alerts();
		alerts.afterRun(run(true));
		assertThat(alerts.afterRun(run(false))).isEmpty();
	}

}
