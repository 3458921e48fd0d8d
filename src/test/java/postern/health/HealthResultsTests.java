package postern.health;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import postern.MovableClock;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The latest results of many subjects are read with one query of the results and one of
 * the mutes, however many subjects there are, and read again only once a result, a run or
 * a mute is written, or the day changes.
 */
class HealthResultsTests {

	private final HealthResultRepository results = mock(HealthResultRepository.class);

	private final HealthMuteRepository mutes = mock(HealthMuteRepository.class);

	private final HealthRunRepository runs = mock(HealthRunRepository.class);

	private final HealthWrites writes = new HealthWrites();

	private final MovableClock clock = new MovableClock(Instant.parse("2026-12-07T22:00:00Z"));

	private final HealthResults health = new HealthResults(this.runs, this.results, this.mutes, this.writes,
			Optional.of(this.clock));

	@Test
	void theGridOfManySubjectsReadsTheMutesOnceAndMarksEachMutedCheck() {
		List<HealthResult> latest = IntStream.range(0, 300)
			.mapToObj((n) -> HealthResultFixtures.result(1, "site" + n + ".example.org", "tls-https", Verdict.ERROR,
					"health.dmarc.ok", null))
			.toList();
		given(this.results.latest()).willReturn(latest);
		given(this.mutes.findByUntilGreaterThanEqual(any(LocalDate.class)))
			.willReturn(List.of(HealthResultFixtures.mute("site7.example.org", "tls-https", "known")));

		HealthGrid grid = this.health.grid();

		assertThat(grid.rows()).hasSize(300);
		assertThat(grid.rows()).filteredOn((row) -> row.cells().get(0).muted())
			.extracting(HealthGrid.Row::subject)
			.containsExactly("site7.example.org");
		verify(this.mutes, times(1)).findByUntilGreaterThanEqual(any(LocalDate.class));
	}

	@Test
	void theLatestResultsAreReadOnceUntilSomethingIsWritten() {
		given(this.results.latest()).willReturn(
				List.of(HealthResultFixtures.result(1, "xoyize.xyz", "spf", Verdict.OK, "health.spf.ok", null)));
		given(this.runs.findFirstByOrderByIdDesc()).willReturn(Optional.of(HealthResultFixtures.run(1, true, 1)));

		assertThat(this.health.grid().rows()).hasSize(1);
		assertThat(this.health.latestSummary()).map(HealthSummary::ok).contains(1);
		assertThat(this.health.latestOf("xoyize.xyz")).hasSize(1);
		verify(this.results, times(1)).latest();

		given(this.results.latest()).willReturn(
				List.of(HealthResultFixtures.result(2, "xoyize.xyz", "spf", Verdict.ERROR, "health.spf.missing", null),
						HealthResultFixtures.result(2, "cinay.eu", "spf", Verdict.OK, "health.spf.ok", null)));
		assertThat(this.health.latestSummary()).map(HealthSummary::errors).contains(0);

		this.writes.written();

		assertThat(this.health.latestSummary()).map(HealthSummary::errors).contains(1);
		assertThat(this.health.grid().rows()).extracting(HealthGrid.Row::subject)
			.containsExactly("xoyize.xyz", "cinay.eu");
		verify(this.results, times(2)).latest();
	}

	@Test
	void aMuteThatEndedYesterdayNoLongerCountsTheNextDay() {
		given(this.results.latest()).willReturn(List
			.of(HealthResultFixtures.result(1, "xoyize.xyz", "spf", Verdict.ERROR, "health.spf.missing", null)));
		given(this.runs.findFirstByOrderByIdDesc()).willReturn(Optional.of(HealthResultFixtures.run(1, true, 1)));
		given(this.mutes.findByUntilGreaterThanEqual(LocalDate.parse("2026-12-07")))
			.willReturn(List.of(HealthResultFixtures.mute("xoyize.xyz", "spf", "known")));
		given(this.mutes.findByUntilGreaterThanEqual(LocalDate.parse("2026-12-08"))).willReturn(List.of());

		assertThat(this.health.latestSummary()).map(HealthSummary::muted).contains(1);

		this.clock.advance(Duration.ofHours(3));

		assertThat(this.health.latestSummary()).map(HealthSummary::errors).contains(1);
		assertThat(this.health.latestSummary()).map(HealthSummary::muted).contains(0);
	}

}
