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

	private final Clock clock;

	HealthResults(HealthRunRepository runs, HealthResultRepository results, HealthMuteRepository mutes,
			Optional<Clock> clock) {
		this.runs = runs;
		this.results = results;
		this.mutes = mutes;
		this.clock = clock.orElseGet(Clock::systemUTC);
	}

	/**
	 * The latest results of every subject, grouped by subject.
	 * @return one group per subject, in name order
	 */
	@Transactional(readOnly = true)
	public List<SubjectResults> latest() {
		return group(this.results.latest());
	}

	/**
	 * The latest results at a glance: a row per subject, a column per check.
	 * @return the grid, empty when the checks never ran
	 */
	@Transactional(readOnly = true)
	public HealthGrid grid() {
		return HealthGrid.of(latest());
	}

	/**
	 * The latest results of one subject.
	 * @param subject a domain, the MX host or a site
	 * @return its results, empty when never checked
	 */
	@Transactional(readOnly = true)
	public List<ResultView> latestOf(String subject) {
		return views(this.results.latestOf(subject));
	}

	/**
	 * A run and its results so far.
	 * @param runId the run
	 * @return the progress, or empty for an unknown run
	 */
	@Transactional(readOnly = true)
	public Optional<Progress> progress(Long runId) {
		return this.runs.findById(runId)
			.map((run) -> new Progress(run, group(this.results.findByRunIdOrderById(runId))));
	}

	/**
	 * The latest runs.
	 * @param count how many
	 * @return the runs, newest first
	 */
	@Transactional(readOnly = true)
	public List<HealthRun> recentRuns(int count) {
		return this.runs.findAllByOrderByIdDesc(PageRequest.of(0, count));
	}

	/**
	 * What the latest results come to, for the dashboard.
	 * @return the counts per verdict (muted checks counted apart) and when the last run
	 * ended, or empty when the checks never ran
	 */
	@Transactional(readOnly = true)
	public Optional<HealthSummary> latestSummary() {
		Optional<HealthRun> last = this.runs.findFirstByOrderByIdDesc();
		if (last.isEmpty()) {
			return Optional.empty();
		}
		int ok = 0;
		int warnings = 0;
		int errors = 0;
		int unknown = 0;
		int muted = 0;
		for (ResultView view : views(this.results.latest())) {
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
	private List<SubjectResults> group(List<HealthResult> found) {
		Map<String, List<HealthResult>> bySubject = new LinkedHashMap<>();
		found.forEach(
				(result) -> bySubject.computeIfAbsent(result.getSubject(), (key) -> new ArrayList<>()).add(result));
		Map<String, HealthMute> active = activeMutes();
		return bySubject.entrySet()
			.stream()
			.map((entry) -> new SubjectResults(entry.getKey(), views(entry.getValue(), active)))
			.toList();
	}

	private List<ResultView> views(List<HealthResult> found) {
		return views(found, activeMutes());
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
	private Map<String, HealthMute> activeMutes() {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
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

}
