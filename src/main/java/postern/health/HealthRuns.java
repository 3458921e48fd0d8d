package postern.health;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import postern.PosternProperties;
import postern.host.HostEvents;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Starts runs of the checks, in the background: on demand ("Run now", one domain), every
 * {@code postern.health.schedule}, and, while no run is stored, once by itself
 * {@code postern.health.first-run-delay} after start-up or after a host is added, so the
 * pages have results before anyone asks for them. Each result is stored as soon as it is
 * known, then told to the pages that follow the run, so they show its progress. Only one
 * run goes at a time; asking for another while one goes returns the running one.
 */
@Service
public class HealthRuns implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(HealthRuns.class);

	/**
	 * Threads for the handshakes of a run: enough for every handshake of five domains
	 * (four MX ports per server address, a policy per domain, the sites) to start at
	 * once; they mostly wait on the network.
	 */
	static final int TLS_THREADS = 16;

	private static final int DNS_PORT = 53;

	/** The trigger of the run that starts by itself when none is stored. */
	static final String FIRST = "first";

	private static final Duration TLS_TIMEOUT = Duration.ofSeconds(10);

	private final HealthPlanner planner;

	private final HealthRunRepository runs;

	private final HealthResultRepository results;

	private final HealthAlerts alerts;

	private final PosternProperties properties;

	private final Clock clock;

	private final ExecutorService pool = Executors.newFixedThreadPool(TLS_THREADS, daemon("health-check"));

	/**
	 * Where results are stored and followers told, one at a time in the order they come:
	 * a check's thread (a handshake's, or one that reads DNS answers for every check)
	 * hands its result over and goes on, rather than wait on a database commit.
	 */
	private final ExecutorService storing = Executors.newSingleThreadExecutor(daemon("health-store"));

	private final ScheduledExecutorService scheduler = Executors
		.newSingleThreadScheduledExecutor(daemon("health-schedule"));

	/**
	 * The trusted CAs, read at the first run and kept: reading the JDK's trust store and
	 * building its trust managers took 1 to 3 ms before every run, and neither changes
	 * while Postern runs. Read at a run rather than at start, so an unreadable trust
	 * store gives that run a setup error rather than stopping Postern.
	 */
	private TlsTrust trust;

	private final Map<Long, List<RunFollower>> followers = new ConcurrentHashMap<>();

	private Long activeRun;

	private CompletableFuture<?> active = CompletableFuture.completedFuture(null);

	HealthRuns(HealthPlanner planner, HealthRunRepository runs, HealthResultRepository results, HealthAlerts alerts,
			PosternProperties properties, Optional<Clock> clock) {
		this.planner = planner;
		this.runs = runs;
		this.results = results;
		this.alerts = alerts;
		this.properties = properties;
		this.clock = clock.orElseGet(Clock::systemUTC);
		endInterrupted();
		Duration every = properties.health().schedule();
		if (!every.isZero() && !every.isNegative()) {
			this.scheduler.scheduleWithFixedDelay(this::scheduled, every.toMillis(), every.toMillis(),
					TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * Runs left unfinished when Postern stopped are marked finished, so their pages stop
	 * waiting for them.
	 */
	private void endInterrupted() {
		try {
			for (HealthRun run : this.runs.findByFinishedAtIsNull()) {
				run.finished(this.clock.instant());
				this.runs.save(run);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not close the runs left unfinished", ex);
		}
	}

	/**
	 * Once Postern is ready (not before: start-up stays quick), plan the first run.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void planFirstRun() {
		startFirstRunSoon();
	}

	/**
	 * A host was added and can be used: if it is the first thing there is to check, its
	 * results come without anyone asking.
	 * @param event the host
	 */
	@EventListener
	void hostTrusted(HostEvents.HostTrusted event) {
		startFirstRunSoon();
	}

	private void startFirstRunSoon() {
		Duration delay = this.properties.health().firstRunDelay();
		if (delay == null || delay.isZero() || delay.isNegative()) {
			return;
		}
		this.scheduler.schedule(this::firstRun, delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void firstRun() {
		try {
			if (this.runs.count() == 0 && running().isEmpty()) {
				start(null, FIRST);
			}
		}
		catch (RuntimeException ex) {
			logger.warn("The first health run could not start", ex);
		}
	}

	private void scheduled() {
		try {
			start(null, "scheduled").done().join();
		}
		catch (RuntimeException ex) {
			logger.warn("Scheduled health run failed", ex);
		}
	}

	/**
	 * Start a run, unless one is going.
	 * @param scope a domain, the MX host or a site, or {@code null} for everything
	 * @param trigger who asked: {@code manual}, {@code scheduled} or {@code first}
	 * @return the run's id and its end
	 */
	public synchronized Started start(String scope, String trigger) {
		if (!this.active.isDone()) {
			return new Started(this.activeRun, this.active);
		}
		HealthRun run = this.runs.save(new HealthRun(this.clock.instant(), scope, trigger));
		Long id = run.getId();
		CompletableFuture<?> done;
		try {
			HealthPlan plan = this.planner.plan(scope);
			if (this.trust == null) {
				this.trust = TlsTrust.withExtra(this.properties.health().trustStore());
			}
			HealthChecker checker = new HealthChecker(DnsClient.of(this.properties.dns()),
					new TlsProbe(this.trust, TLS_TIMEOUT, TLS_TIMEOUT), this.properties.health().ports(), this.pool,
					this.clock, this.properties.dns().askAuthoritative() ? DNS_PORT : 0);
			HealthChecker.Running running = checker.start(plan,
					(result) -> this.storing.execute(() -> store(id, result)));
			run.planned(running.planned());
			this.runs.save(run);
			done = running.done();
		}
		catch (RuntimeException ex) {
			logger.warn("Health run {} could not start", id, ex);
			store(id, CheckResult.of((scope != null) ? scope : "postern", "setup", Verdict.ERROR, "health.setup-failed",
					ex.getClass().getSimpleName() + ": " + ex.getMessage()));
			run.planned(1);
			done = CompletableFuture.completedFuture(null);
		}
		this.activeRun = id;
		// every result is handed over before the run is done, so the run ends after the
		// last one is stored
		this.active = done.handleAsync((value, failure) -> {
			finish(id);
			return null;
		}, this.storing);
		return new Started(id, this.active);
	}

	private void store(Long runId, CheckResult found) {
		CheckResult result = againstHistory(runId, found);
		try {
			this.results.save(new HealthResult(runId, result, this.clock.instant()));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not store the result of {} for {}", result.check(), result.subject(), ex);
		}
		for (RunFollower follower : this.followers.getOrDefault(runId, List.of())) {
			tell(() -> follower.stored(result));
		}
	}

	/**
	 * An MTA-STS id is wrong only against what earlier runs saw: the same id with another
	 * policy means senders that cached the old policy keep it.
	 */
	private CheckResult againstHistory(Long runId, CheckResult result) {
		MtaStsSeen seen = result.mtaStsSeen();
		if (seen == null || result.verdict() != Verdict.OK) {
			return result;
		}
		try {
			long changes = this.results.otherPoliciesUnderId(result.subject(), seen.id(), seen.policyDigest(), runId);
			return (changes > 0) ? DnsChecks.mtaStsPolicyChanged(result) : result;
		}
		catch (RuntimeException ex) {
			logger.warn("Could not compare the MTA-STS policy of {} with earlier runs", result.subject(), ex);
			return result;
		}
	}

	/**
	 * Be told of each result of a run as it is stored, and of the run's end. A run that
	 * has already ended is told at once.
	 * @param runId the run
	 * @param follower what to tell; called on the thread that stores results, so it must
	 * not block
	 * @return what stops the telling
	 */
	public Runnable follow(Long runId, RunFollower follower) {
		this.followers.computeIfAbsent(runId, (id) -> new CopyOnWriteArrayList<>()).add(follower);
		Runnable stop = () -> this.followers.computeIfPresent(runId,
				(id, list) -> list.remove(follower) && list.isEmpty() ? null : list);
		// The end is stored before followers are told of it: a follower that came in
		// between sees it here (and may be told twice).
		if (this.runs.findById(runId).map(HealthRun::isFinished).orElse(true)) {
			stop.run();
			tell(follower::finished);
		}
		return stop;
	}

	/**
	 * How many followers a run has (pages showing its progress).
	 * @param runId the run
	 * @return the count
	 */
	int followers(Long runId) {
		return this.followers.getOrDefault(runId, List.of()).size();
	}

	private static void tell(Runnable telling) {
		try {
			telling.run();
		}
		catch (RuntimeException ex) {
			logger.debug("A follower of a health run failed", ex);
		}
	}

	private void finish(Long id) {
		try {
			this.runs.findById(id).ifPresent((run) -> {
				run.finished(this.clock.instant());
				this.runs.save(run);
			});
		}
		catch (RuntimeException ex) {
			logger.warn("Could not finish health run {}", id, ex);
		}
		// Pages learn of the end before alerts go out, which may wait on the network.
		List<RunFollower> following = this.followers.remove(id);
		if (following != null) {
			following.forEach((follower) -> tell(follower::finished));
		}
		try {
			this.alerts.afterRun(id);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not send the alerts of health run {}", id, ex);
		}
	}

	/**
	 * Whether a run is going.
	 * @return the running run's id
	 */
	public synchronized Optional<Long> running() {
		return this.active.isDone() ? Optional.empty() : Optional.ofNullable(this.activeRun);
	}

	@Override
	public void destroy() {
		this.scheduler.shutdownNow();
		this.pool.shutdownNow();
		this.storing.shutdownNow();
	}

	private static ThreadFactory daemon(String name) {
		AtomicInteger count = new AtomicInteger();
		return (task) -> {
			Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/**
	 * What a page showing a run's progress is told.
	 */
	public interface RunFollower {

		/**
		 * A result was stored.
		 * @param result the result
		 */
		void stored(CheckResult result);

		/**
		 * The run ended (every result is stored).
		 */
		void finished();

	}

	/**
	 * A started run.
	 *
	 * @param runId its id
	 * @param done completes when it is finished and stored
	 */
	public record Started(Long runId, CompletableFuture<?> done) {
	}

}
