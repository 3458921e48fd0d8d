package postern.health;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import postern.health.HealthResults.ResultView;
import postern.health.HealthResults.SubjectResults;
import postern.infrastructure.Paging;

/**
 * The latest results at a glance: a row per subject (mail domain, MX host, site), a
 * column per check, each cell the verdict of that check for that subject.
 *
 * @param checks the columns, in the order checks are shown
 * @param rows the subjects
 */
public record HealthGrid(List<String> checks, List<Row> rows) {

	/**
	 * Lay out results.
	 * @param subjects the latest results, by subject
	 * @return the grid; a check a subject does not have leaves its cell empty
	 */
	static HealthGrid of(List<SubjectResults> subjects) {
		Set<String> present = new LinkedHashSet<>();
		subjects.forEach((subject) -> subject.results().forEach((view) -> present.add(view.result().getCheck())));
		List<String> checks = present.stream().sorted(Comparator.comparingInt(HealthResults::position)).toList();
		List<Row> rows = new ArrayList<>();
		for (SubjectResults subject : subjects) {
			List<Cell> cells = checks.stream().map((check) -> Cell.of(check, subject.results())).toList();
			rows.add(new Row(subject.subject(), subject.worst(), cells));
		}
		return new HealthGrid(checks, List.copyOf(rows));
	}

	/**
	 * The same grid with its rows in another order.
	 * @param order an order of subjects
	 * @return the sorted grid
	 */
	public HealthGrid sortedBy(Comparator<String> order) {
		return new HealthGrid(this.checks,
				this.rows.stream().sorted(Comparator.comparing(Row::subject, order)).toList());
	}

	/**
	 * The same grid with its rows in an order found only when there are rows to sort.
	 * @param order finds the order of subjects (it reads maddy.conf)
	 * @return the sorted grid
	 */
	public HealthGrid sortedBy(Supplier<Comparator<String>> order) {
		return (this.rows.size() < 2) ? this : sortedBy(order.get());
	}

	/**
	 * The same grid with only the rows of one page.
	 * @param paging the page, of {@link #rows()}{@code .size()} rows in all
	 * @return the grid of that page's rows
	 */
	public HealthGrid shown(Paging paging) {
		return new HealthGrid(this.checks, paging.slice(this.rows));
	}

	/**
	 * The same grid with only its first rows.
	 * @param count the rows kept
	 * @return the shorter grid
	 */
	public HealthGrid first(int count) {
		return new HealthGrid(this.checks, this.rows.subList(0, Math.min(count, this.rows.size())));
	}

	public boolean isEmpty() {
		return this.rows.isEmpty();
	}

	/**
	 * One subject.
	 *
	 * @param subject the domain, MX host or site
	 * @param worst the worst verdict of its checks that are not muted
	 * @param cells one per {@link HealthGrid#checks() column}
	 */
	public record Row(String subject, Verdict worst, List<Cell> cells) {
	}

	/**
	 * One check of one subject: the worst verdict among its results (a check made at each
	 * address of the MX host has several).
	 *
	 * @param check the check
	 * @param verdict the worst verdict, or {@code null} when the subject has no such
	 * check
	 * @param muted whether an admin muted it
	 */
	public record Cell(String check, Verdict verdict, boolean muted) {

		static Cell of(String check, List<ResultView> results) {
			Verdict worst = null;
			boolean muted = false;
			for (ResultView view : results) {
				if (!view.result().getCheck().equals(check)) {
					continue;
				}
				Verdict verdict = view.result().getVerdict();
				if (worst == null || SubjectResults.rank(verdict) > SubjectResults.rank(worst)) {
					worst = verdict;
				}
				muted = view.muted();
			}
			return new Cell(check, worst, muted);
		}

		/**
		 * Whether the subject has this check.
		 * @return {@code false} for a cell left empty
		 */
		public boolean checked() {
			return this.verdict != null;
		}

	}

}
