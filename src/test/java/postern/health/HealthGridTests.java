package postern.health;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import postern.health.HealthResults.ResultView;
import postern.health.HealthResults.SubjectResults;
import postern.infrastructure.Paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The grid of the latest results: columns in the order checks are shown, a row per
 * subject, each cell the worst verdict of its check.
 */
class HealthGridTests {

	@Test
	void columnsFollowTheCheckOrderAndCellsTheirSubjects() {
		SubjectResults domain = subject("xoyize.xyz", view("dmarc", Verdict.OK), view("spf", Verdict.ERROR),
				view("mx", Verdict.OK));
		SubjectResults site = subject("www.xoyize.xyz", view("tls-https", Verdict.WARNING));
		HealthGrid grid = HealthGrid.of(List.of(site, domain));
		assertThat(grid.checks()).containsExactly("mx", "spf", "dmarc", "tls-https");
		assertThat(grid.rows()).extracting(HealthGrid.Row::subject).containsExactly("www.xoyize.xyz", "xoyize.xyz");
		HealthGrid.Row first = grid.rows().get(0);
		assertThat(first.worst()).isEqualTo(Verdict.WARNING);
		assertThat(first.cells()).extracting(HealthGrid.Cell::checked).containsExactly(false, false, false, true);
		assertThat(grid.rows().get(1).cells()).extracting(HealthGrid.Cell::verdict)
			.containsExactly(Verdict.OK, Verdict.ERROR, Verdict.OK, null);
	}

	@Test
	void aCheckMadeAtEachAddressShowsItsWorstVerdict() {
		SubjectResults mx = subject("mx1.xoyize.xyz", view("tls-smtp", Verdict.OK), view("tls-smtp", Verdict.UNKNOWN),
				view("tls-smtp", Verdict.OK));
		assertThat(HealthGrid.of(List.of(mx)).rows().get(0).cells()).singleElement()
			.extracting(HealthGrid.Cell::verdict)
			.isEqualTo(Verdict.UNKNOWN);
	}

	@Test
	void aMutedCheckKeepsItsVerdictAndSaysItIsMuted() {
		ResultView muted = new ResultView(result("dmarc", Verdict.ERROR),
				HealthResultFixtures.mute("xoyize.xyz", "dmarc", "hosted elsewhere"));
		HealthGrid grid = HealthGrid.of(List.of(subject("xoyize.xyz", muted, view("spf", Verdict.OK))));
		assertThat(grid.rows().get(0).cells())
			.extracting(HealthGrid.Cell::check, HealthGrid.Cell::verdict, HealthGrid.Cell::muted)
			.containsExactly(tuple("spf", Verdict.OK, false), tuple("dmarc", Verdict.ERROR, true));
		// a muted error does not make the row an error
		assertThat(grid.rows().get(0).worst()).isEqualTo(Verdict.OK);
	}

	@Test
	void rowsCanBeSortedAsAnAdminReadsThem() {
		HealthGrid grid = HealthGrid.of(List.of(subject("cinay.eu", view("mx", Verdict.OK)),
				subject("mx1.xoyize.xyz", view("mx-a", Verdict.OK)), subject("www.xoyize.xyz"),
				subject("xoyize.xyz", view("mx", Verdict.ERROR))));
		List<String> order = List.of("xoyize.xyz", "cinay.eu", "mx1.xoyize.xyz", "www.xoyize.xyz");
		HealthGrid sorted = grid.sortedBy(Comparator.comparingInt(order::indexOf));
		assertThat(sorted.rows()).extracting(HealthGrid.Row::subject).containsExactlyElementsOf(order);
		assertThat(sorted.rows().get(0).cells()).extracting(HealthGrid.Cell::verdict)
			.containsExactly(Verdict.ERROR, null);
		assertThat(sorted.checks()).isEqualTo(grid.checks());
	}

	@Test
	void aPageOrTheFirstRowsKeepEveryColumn() {
		HealthGrid grid = HealthGrid.of(List.of(subject("a.example.org", view("tls-https", Verdict.OK)),
				subject("b.example.org", view("mx", Verdict.OK)), subject("c.example.org", view("spf", Verdict.OK))));
		HealthGrid second = grid.shown(Paging.of(1, 2, 3));
		assertThat(second.rows()).extracting(HealthGrid.Row::subject).containsExactly("c.example.org");
		assertThat(second.checks()).isEqualTo(grid.checks());
		assertThat(grid.first(2).rows()).extracting(HealthGrid.Row::subject)
			.containsExactly("a.example.org", "b.example.org");
		assertThat(grid.first(10).rows()).hasSize(3);
	}

	@Test
	void theDashboardCardShowsTheFirstSubjectsAndCountsTheOthers() {
		List<SubjectResults> subjects = new ArrayList<>();
		for (int n = 0; n < HealthDashboard.CARD_ROWS + 7; n++) {
			subjects.add(subject("site" + n + ".example.org", view("tls-https", Verdict.OK)));
		}
		HealthResults results = mock(HealthResults.class);
		HealthPlanner planner = mock(HealthPlanner.class);
		given(results.grid()).willReturn(HealthGrid.of(subjects));
		given(results.latestSummary()).willReturn(Optional.empty());
		given(planner.subjectOrder()).willReturn(Comparator.naturalOrder());
		HealthDashboard.HealthCard card = (HealthDashboard.HealthCard) new HealthDashboard()
			.healthCard(results, planner)
			.content();
		assertThat(card.grid().rows()).hasSize(HealthDashboard.CARD_ROWS);
		assertThat(card.more()).isEqualTo(7);
	}

	@Test
	void noResultsMakeAnEmptyGrid() {
		assertThat(HealthGrid.of(List.of()).isEmpty()).isTrue();
		assertThat(HealthGrid.of(List.of()).checks()).isEmpty();
	}

	private static SubjectResults subject(String name, ResultView... views) {
		return new SubjectResults(name, List.of(views));
	}

	private static ResultView view(String check, Verdict verdict) {
		return new ResultView(result(check, verdict), null);
	}

	private static HealthResult result(String check, Verdict verdict) {
		return HealthResultFixtures.result(1, "xoyize.xyz", check, verdict, "health." + check + ".ok", null);
	}

}
