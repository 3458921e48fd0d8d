package postern.health;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored results: the latest of each subject (shown at once, never waiting on a run),
 * a run's progress, a summary for the dashboard, and muted checks.
 */
@Service
public class HealthResults {

	/** The order checks are shown in, as an admin publishes and fixes things. */
	private static final List<String> CHECK_ORDER = List.of("setup", "mx", "mx-a", "mx-aaaa", "ptr", "spf", "dkim",
			"dmarc", "mta-sts", "mta-sts-policy", "tlsrpt", "dmarc-report-auth", "tlsa", "caa", "dnssec", "ns-agree",
			"tls-smtp", "tls-submission", "tls-smtps", "tls-imaps", "tls-https");

	private final HealthRunRepository runs;

	/**
	 * Whether a check id is one Postern runs, so only those can be muted.
	 * @param check a check id from a form
	 * @return {@code true} for e.g. {@code spf}
	 */
	public static boolean isCheck(String check) {
		return CHECK_ORDER.contains(check);
	}

	private final HealthResultRepository results;

	private final HealthMuteRepository mutes;

	private final HealthWrites writes;

	private final Clock clock;

	HealthResults(HealthRunRepository runs, HealthResultRepository results, HealthMuteRepository mutes,
			HealthWrites writes, Optional<Clock> clock) {
		this.runs = runs;
		this.results = results;
		this.mutes = mutes;
		this.writes = writes;
		this.clock = clock.orElseGet(Clock::systemUTC);
	}

	/**
	 * The latest results of every subject, grouped by subject.
	 * @return one group per subject, in name order
	 */
	public List<SubjectResults> latest() {
		return stored().subjects();
	}

	/**
	 * The latest results at a glance: a row per subject, a column per check.
	 * @return the grid, empty when the checks never ran
	 */
	public HealthGrid grid() {
		return stored().grid();
	}

	/**
	 * The latest results of one subject.
	 * @param subject a domain, the MX host or a site
	 * @return its results, empty when never checked
	 */
	public List<ResultView> latestOf(String subject) {
		return stored().bySubject().getOrDefault(subject, List.of());
	}

	/**
	 * The latest results as stored now: read again after a run, a result or a mute is
	 * stored, and each day, as mutes end with their last day.
	 */
	private Stored stored() {
		return this.writes.read(LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC), this::read);
	}

	private Stored read(LocalDate today) {
		List<SubjectResults> subjects = group(this.results.latest(), activeMutes(today));
		Map<String, List<ResultView>> bySubject = new LinkedHashMap<>();
		subjects.forEach((subject) -> bySubject.put(subject.subject(), subject.results()));
		return new Stored(subjects, Map.copyOf(bySubject), HealthGrid.of(subjects),
				summary(this.runs.findFirstByOrderByIdDesc(), subjects));
	}

	/**
	 * A run and its results so far.
	 * @param runId the run
	 * @return the progress, or empty for an unknown run
	 */
	@Transactional(readOnly = true)
	public Optional<Progress> progress(Long runId) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		return this.runs.findById(runId)
			.map((run) -> new Progress(run, group(this.results.findByRunIdOrderById(runId), activeMutes(today))));
	}

	/**
	 * The latest runs.
	 * @param count how many
	 * @return the runs, newest first
	 */
	public List<HealthRun> recentRuns(int count) {
		return this.writes.read(new RecentRuns(count),
				(key) -> this.runs.findAllByOrderByIdDesc(PageRequest.of(0, key.count())));
	}

	/**
	 * What the latest results come to, for the dashboard.
	 * @return the counts per verdict (muted checks counted apart) and when the last run
	 * ended, or empty when the checks never ran
	 */
	public Optional<HealthSummary> latestSummary() {
		return stored().summary();
	}

	private static Optional<HealthSummary> summary(Optional<HealthRun> last, List<SubjectResults> subjects) {
		if (last.isEmpty()) {
			return Optional.empty();
		}
		int ok = 0;
		int warnings = 0;
		int errors = 0;
		int unknown = 0;
		int muted = 0;
		for (SubjectResults subject : subjects) {
			for (ResultView view : subject.results()) {
				if (view.muted()) {
					muted++;
					continue;
				}
				switch (view.result().getVerdict()) {
					case OK -> ok++;
					case WARNING -> warnings++;
					case ERROR -> errors++;
					case UNKNOWN -> unknown++;
				}
			}
		}
		Instant at = (last.get().getFinishedAt() != null) ? last.get().getFinishedAt() : last.get().getStartedAt();
		return Optional.of(new HealthSummary(at, ok, warnings, errors, unknown, muted));
	}

	/**
	 * Mute a check of a subject until a date.
	 * @param subject the domain
	 * @param check the check
	 * @param reason why
	 * @param until the last day it stays muted
	 */
	@Transactional
	public void mute(String subject, String check, String reason, LocalDate until) {
		Optional<HealthMute> existing = this.mutes.findBySubjectAndCheck(subject, check);
		if (existing.isPresent()) {
			existing.get().extend(reason, until);
		}
		else {
			this.mutes.save(new HealthMute(subject, check, reason, until, this.clock.instant()));
		}
	}

	/**
	 * Results by subject, the mutes read once for all of them rather than per subject.
	 */
	private static List<SubjectResults> group(List<HealthResult> found, Map<String, HealthMute> active) {
		Map<String, List<HealthResult>> bySubject = new LinkedHashMap<>();
		found.forEach(
				(result) -> bySubject.computeIfAbsent(result.getSubject(), (key) -> new ArrayList<>()).add(result));
		return bySubject.entrySet()
			.stream()
			.map((entry) -> new SubjectResults(entry.getKey(), views(entry.getValue(), active)))
			.toList();
	}

	private static List<ResultView> views(List<HealthResult> found, Map<String, HealthMute> active) {
		return found.stream()
			.sorted(java.util.Comparator.comparingInt((HealthResult result) -> position(result.getCheck()))
				.thenComparing(HealthResult::getId,
						java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
			.map((result) -> new ResultView(result, active.get(result.getSubject() + " " + result.getCheck())))
			.toList();
	}

	/** The mutes in force today, by subject and check. */
	private Map<String, HealthMute> activeMutes(LocalDate today) {
		Map<String, HealthMute> active = new LinkedHashMap<>();
		this.mutes.findByUntilGreaterThanEqual(today)
			.forEach((mute) -> active.put(mute.getSubject() + " " + mute.getCheck(), mute));
		return active;
	}

	static int position(String check) {
		int index = CHECK_ORDER.indexOf(check);
		return (index < 0) ? CHECK_ORDER.size() : index;
	}

	/**
	 * One stored result, and its mute when muted.
	 *
	 * @param result the result
	 * @param mute the mute, or {@code null}
	 */
	public record ResultView(HealthResult result, HealthMute mute) {

		public boolean muted() {
			return this.mute != null;
		}

	}

	/**
	 * The results of one subject.
	 *
	 * @param subject the domain, MX host or site
	 * @param results its results
	 */
	public record SubjectResults(String subject, List<ResultView> results) {

		/**
		 * The worst verdict among the results that are not muted.
		 * @return the verdict
		 */
		public Verdict worst() {
			Verdict worst = Verdict.OK;
			for (ResultView view : this.results) {
				Verdict verdict = view.result().getVerdict();
				if (!view.muted() && rank(verdict) > rank(worst)) {
					worst = verdict;
				}
			}
			return worst;
		}

		static int rank(Verdict verdict) {
			return switch (verdict) {
				case OK -> 0;
				case UNKNOWN -> 1;
				case WARNING -> 2;
				case ERROR -> 3;
			};
		}

	}

	/**
	 * A run and its results so far.
	 *
	 * @param run the run
	 * @param subjects its results, by subject
	 */
	public record Progress(HealthRun run, List<SubjectResults> subjects) {

		public int done() {
			return this.subjects.stream().mapToInt((subject) -> subject.results().size()).sum();
		}

	}

	/**
	 * The latest results and what the pages make of them, as read after the last write.
	 */
	private record Stored(List<SubjectResults> subjects, Map<String, List<ResultView>> bySubject, HealthGrid grid,
			Optional<HealthSummary> summary) {
	}

	private record RecentRuns(int count) {
	}

}
