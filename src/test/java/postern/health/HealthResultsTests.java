package postern.health;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The latest results of many subjects are read with one query of the results and one of
 * the mutes, however many subjects there are.
 */
class HealthResultsTests {

	private final HealthResultRepository results = mock(HealthResultRepository.class);

	private final HealthMuteRepository mutes = mock(HealthMuteRepository.class);

	private final HealthResults health = new HealthResults(mock(HealthRunRepository.class), this.results, this.mutes,
			Optional.empty());

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

}
