package postern.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import postern.host.HostEvents.CommandRan;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * The command log: every command that only read ({@code creds list},
 * {@code systemctl show}, {@code journalctl}…), for diagnosis. Pages run such commands
 * each time they are opened, so a request only queues its entry (who and from where are
 * taken on its own thread); a background thread writes the queue in batches, and prunes
 * entries older than {@code postern.audit.command-log-retention}.
 */
@Service
public class CommandLog implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(CommandLog.class);

	/** How long an entry waits in the queue, at most, before it is written. */
	static final Duration FLUSH_EVERY = Duration.ofMillis(500);

	private static final Duration PRUNE_EVERY = Duration.ofHours(1);

	/**
	 * More than this many entries waiting (the database is gone): newer ones are lost.
	 */
	private static final int QUEUE_LIMIT = 10_000;

	private static final int MAX_COMMAND = 1000;

	private final CommandLogRepository entries;

	private final CommandLogWrites writes;

	private final TransactionTemplate transactions;

	/**
	 * Read-only, so that the entries a page loads are not checked for changes when its
	 * transaction ends.
	 */
	private final TransactionTemplate reads;

	private final Duration retention;

	private final Clock clock;

	private final BlockingQueue<CommandLogEntry> queue = new LinkedBlockingQueue<>(QUEUE_LIMIT);

	private final AtomicLong lost = new AtomicLong();

	private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "command-log");
		thread.setDaemon(true);
		return thread;
	});

	@Autowired
	CommandLog(CommandLogRepository entries, CommandLogWrites writes, PlatformTransactionManager transactionManager,
			AuditProperties properties, Optional<Clock> clock) {
		this(entries, writes, transactionManager, properties, clock.orElseGet(Clock::systemUTC), FLUSH_EVERY);
	}

	CommandLog(CommandLogRepository entries, CommandLogWrites writes, PlatformTransactionManager transactionManager,
			AuditProperties properties, Clock clock, Duration flushEvery) {
		this.entries = entries;
		this.writes = writes;
		this.transactions = new TransactionTemplate(transactionManager);
		this.reads = new TransactionTemplate(transactionManager);
		this.reads.setReadOnly(true);
		this.retention = properties.commandLogRetention();
		this.clock = clock;
		this.writer.scheduleWithFixedDelay(this::flushQuietly, flushEvery.toMillis(), flushEvery.toMillis(),
				TimeUnit.MILLISECONDS);
		this.writer.scheduleWithFixedDelay(this::pruneQuietly, PRUNE_EVERY.toMillis(), PRUNE_EVERY.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/**
	 * Queue a command that ran; it is written within {@link #FLUSH_EVERY}.
	 * @param command the command, with its redacted argv
	 */
	void record(CommandRan command) {
		CommandLogEntry entry = new CommandLogEntry(this.clock.instant(), AuditLog.currentActor(),
				AuditLog.clientAddress(), command.host(), AuditLog.limit(String.join(" ", command.argv()), MAX_COMMAND),
				command.exitCode(), command.duration().toMillis(), command.timedOut());
		if (!this.queue.offer(entry) && this.lost.getAndIncrement() % QUEUE_LIMIT == 0) {
			logger.warn("The command log cannot keep up; {} entries lost so far", this.lost.get());
		}
	}

	/**
	 * Write what is queued, now.
	 */
	public synchronized void flush() {
		List<CommandLogEntry> batch = new ArrayList<>();
		this.queue.drainTo(batch);
		if (!batch.isEmpty()) {
			this.transactions.executeWithoutResult((status) -> this.entries.saveAll(batch));
		}
	}

	/**
	 * Remove the entries older than the retention.
	 * @return how many were removed
	 */
	public int prune() {
		Instant before = this.clock.instant().minus(this.retention);
		Integer removed = this.transactions.execute((status) -> this.entries.deleteOlderThan(before));
		if (removed != null && removed > 0) {
			// a bulk delete passes no entity listener: the kept first page is counted
			// stale here
			this.writes.written();
		}
		return (removed != null) ? removed : 0;
	}

	/**
	 * A page of the log, newest first, with what is queued written first.
	 * @param query text to look for in actor, command, host and address; blank for all
	 * @param pageable the page
	 * @return the entries
	 */
	public Page<CommandLogEntry> find(String query, Pageable pageable) {
		flush();
		return read(query, pageable);
	}

	/**
	 * A page of the log as a page shows it, newest first, with what is queued written
	 * first. The first page of the whole log, the one opened to watch what runs, is made
	 * into rows once and kept until the next write.
	 * @param <T> what the page shows of an entry
	 * @param query text to look for in actor, command, host and address; blank for all
	 * @param pageable the page
	 * @param view what the rows depend on besides the entries (the page's locale); rows
	 * kept for another view are not reused
	 * @param row what the page shows of an entry
	 * @return the rows
	 */
	public <T> Page<T> find(String query, Pageable pageable, Object view, Function<CommandLogEntry, T> row) {
		// the queue is written first: once it was not empty, the kept page is stale
		flush();
		return this.writes.logPage(query, pageable, view, () -> read(query, pageable).map(row));
	}

	private Page<CommandLogEntry> read(String query, Pageable pageable) {
		return this.reads.execute((status) -> {
			if (!StringUtils.hasText(query)) {
				return this.entries.findAllByOrderByAtDescIdDesc(pageable);
			}
			return this.entries.search(query.strip(), pageable);
		});
	}

	private void flushQuietly() {
		try {
			flush();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not write the command log", ex);
		}
	}

	private void pruneQuietly() {
		try {
			int removed = prune();
			logger.debug("Pruned {} command log entries", removed);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not prune the command log", ex);
		}
	}

	@Override
	public void destroy() {
		this.writer.shutdownNow();
		flushQuietly();
	}

}
