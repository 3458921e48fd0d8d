package postern.health;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
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

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * Starts runs of the checks, in the background: on demand ("Run now", one domain) and
 * every {@code postern.health.schedule} (first after one period, so never at start). Each
 * result is stored as soon as it is known, so the page shows a run's progress. Only one
 * run goes at a time; asking for another while one goes returns the running one.
 */
@Service
public class HealthRuns implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(HealthRuns.class);

	private static final int TLS_THREADS = 8;

	private static final int DNS_PORT = 53;

	private static final Duration TLS_TIMEOUT = Duration.ofSeconds(10);

	private final HealthPlanner planner;

	private final HealthRunRepository runs;

	private final HealthResultRepository results;

	private final HealthAlerts alerts;

	private final PosternProperties properties;

	private final Clock clock;

	private final ExecutorService pool = Executors.newFixedThreadPool(TLS_THREADS, daemon("health-check"));

	private final ScheduledExecutorService scheduler = Executors
		.newSingleThreadScheduledExecutor(daemon("health-schedule"));

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
	 * @param trigger who asked: {@code manual} or {@code scheduled}
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
			HealthChecker checker = new HealthChecker(DnsClient.of(this.properties.dns()),
					new TlsProbe(TlsTrust.withExtra(this.properties.health().trustStore()), TLS_TIMEOUT, TLS_TIMEOUT),
					this.properties.health().ports(), this.pool, this.clock,
					this.properties.dns().askAuthoritative() ? DNS_PORT : 0);
			HealthChecker.Running running = checker.start(plan, (result) -> store(id, result));
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
		this.active = done.handle((value, failure) -> {
			finish(id);
			return null;
		});
		return new Started(id, this.active);
	}

	private void store(Long runId, CheckResult result) {
		try {
			this.results.save(new HealthResult(runId, result, this.clock.instant()));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not store the result of {} for {}", result.check(), result.subject(), ex);
		}
	}

	private void finish(Long id) {
		try {
			this.runs.findById(id).ifPresent((run) -> {
				run.finished(this.clock.instant());
				this.runs.save(run);
			});
			this.alerts.afterRun(id);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not finish health run {}", id, ex);
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
	 * A started run.
	 *
	 * @param runId its id
	 * @param done completes when it is finished and stored
	 */
	public record Started(Long runId, CompletableFuture<?> done) {
	}

}
