package postern.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import postern.host.Host;

/**
 * The last mailbox list read from each host. Once a host has one, it is served at once: a
 * list older than {@link #REFRESH_AFTER} is read again in the background, one read at a
 * time per host, while every request keeps getting the last one. Only the very first read
 * of a host, with nothing to show yet, is waited for (by every request that needs it,
 * sharing that one read).
 * <p>
 * Lists are kept per host object: a host whose settings changed is a new object (its
 * connection is made again), so its list is read again and never mixed with another
 * host's. Each read takes a ticket when it starts, and a list replaces the one kept only
 * when its read started later, so a slow background read never hides a change a mailbox
 * action has just read back.
 */
final class MailboxListings {

	/** How old a list may be before a request starts reading it again. */
	static final Duration REFRESH_AFTER = Duration.ofSeconds(5);

	private static final Logger logger = LoggerFactory.getLogger(MailboxListings.class);

	private final Function<Host, List<Mailbox>> reader;

	private final Executor background;

	private final Clock clock;

	private final Map<String, HostList> lists = new ConcurrentHashMap<>();

	private final AtomicLong tickets = new AtomicLong();

	/**
	 * Lists read by a function.
	 * @param reader reads every mailbox of a host, throwing {@link MaddyException} when
	 * maddy fails
	 * @param background where background reads run
	 * @param clock the time of each read, for its age
	 */
	MailboxListings(Function<Host, List<Mailbox>> reader, Executor background, Clock clock) {
		this.reader = reader;
		this.background = background;
		this.clock = clock;
	}

	/**
	 * The last list of a host, read again in the background when it is old; waits only
	 * when the host has no list yet.
	 * @param host the host
	 * @return its mailboxes
	 * @throws MaddyException when there was no list and maddy cannot give one
	 */
	List<Mailbox> current(Host host) {
		HostList list = listOf(host);
		CompletableFuture<Listing> first;
		boolean readHere = false;
		synchronized (list) {
			if (list.listing != null) {
				if (isDue(list)) {
					startInBackground(list);
				}
				return list.listing.mailboxes();
			}
			first = list.running;
			if (first == null) {
				first = start(list);
				readHere = true;
			}
		}
		return (readHere ? read(list, first) : await(first)).mailboxes();
	}

	/**
	 * Read a host's list now, in the caller's thread, and keep it: a mailbox action reads
	 * back what it did, and its admin sees it on the next page.
	 * @param host the host
	 * @return its mailboxes as maddy lists them now
	 * @throws MaddyException when maddy cannot list them (the last list is kept, and said
	 * to be out of date)
	 */
	List<Mailbox> reload(Host host) {
		HostList list = listOf(host);
		return read(list, new CompletableFuture<>()).mailboxes();
	}

	/**
	 * Read a host's list again in the background, unless a read is running, and wait a
	 * while for it: the admin asked for a fresh list.
	 * @param host the host
	 * @param wait how long to wait at most
	 * @return whether the read ended within the wait (successfully or not)
	 */
	boolean refresh(Host host, Duration wait) {
		HostList list = listOf(host);
		CompletableFuture<Listing> running;
		synchronized (list) {
			running = (list.running != null) ? list.running : startInBackground(list);
		}
		try {
			running.get(wait.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (ExecutionException ex) {
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Read a host's list again in the background when one was read before, unless a read
	 * is running: what a mailbox action did may have changed it.
	 * @param host the host
	 */
	void refreshSoon(Host host) {
		HostList list = listOf(host);
		synchronized (list) {
			if (list.listing != null && list.running == null) {
				startInBackground(list);
			}
		}
	}

	/**
	 * How fresh a host's list is, for its page.
	 * @param host the host
	 * @return its age, whether it is being read again and the last read's failure
	 */
	MailboxListStatus status(Host host) {
		HostList list = listOf(host);
		synchronized (list) {
			Instant readAt = (list.listing != null) ? list.listing.readAt() : null;
			Failure failure = list.failure;
			return new MailboxListStatus(readAt, this.clock.instant(), list.running != null,
					(failure != null) ? failure.at() : null, (failure != null) ? failure.errorKey() : null,
					(failure != null) ? failure.message() : null);
		}
	}

	/**
	 * Forget every list, so the next request waits for maddy again.
	 */
	void forget() {
		this.lists.clear();
	}

	private HostList listOf(Host host) {
		return this.lists.compute(host.name(),
				(name, kept) -> (kept != null && kept.host == host) ? kept : new HostList(host));
	}

	private boolean isDue(HostList list) {
		if (list.running != null) {
			return false;
		}
		Instant last = list.listing.readAt();
		if (list.failure != null && list.failure.at().isAfter(last)) {
			last = list.failure.at();
		}
		return !this.clock.instant().isBefore(last.plus(REFRESH_AFTER));
	}

	/** Called holding the list's lock. */
	private static CompletableFuture<Listing> start(HostList list) {
		CompletableFuture<Listing> running = new CompletableFuture<>();
		list.running = running;
		return running;
	}

	/** Called holding the list's lock. */
	private CompletableFuture<Listing> startInBackground(HostList list) {
		CompletableFuture<Listing> running = start(list);
		try {
			this.background.execute(() -> readInBackground(list, running));
		}
		catch (RuntimeException ex) {
			// no thread to read it (the application is stopping): the last list stays
			list.running = null;
			running.completeExceptionally(ex);
		}
		return running;
	}

	private void readInBackground(HostList list, CompletableFuture<Listing> future) {
		try {
			read(list, future);
		}
		catch (RuntimeException ex) {
			// kept as the list's failure, and shown with it
		}
	}

	/**
	 * Reads a list and keeps it when no later read has ended first. The read is marked as
	 * ended under the same lock as its result is kept, before anyone waiting on it wakes:
	 * whoever waited sees the list and no read under way.
	 */
	private Listing read(HostList list, CompletableFuture<Listing> future) {
		long ticket = this.tickets.incrementAndGet();
		Listing listing;
		try {
			listing = new Listing(this.reader.apply(list.host), this.clock.instant(), ticket);
		}
		catch (RuntimeException ex) {
			failed(list, future, Failure.of(ex, this.clock.instant(), ticket));
			future.completeExceptionally(ex);
			throw ex;
		}
		catch (Error err) {
			// nothing to show, but the read is over: another one may start
			synchronized (list) {
				ended(list, future);
			}
			future.completeExceptionally(err);
			throw err;
		}
		synchronized (list) {
			if (list.listing == null || list.listing.ticket() < ticket) {
				list.listing = listing;
			}
			if (list.failure != null && list.failure.ticket() < ticket) {
				list.failure = null;
			}
			ended(list, future);
		}
		future.complete(listing);
		return listing;
	}

	private static void failed(HostList list, CompletableFuture<Listing> future, Failure failure) {
		logger.info("Reading the mailboxes of {} failed: {}", list.host.name(), failure.message());
		synchronized (list) {
			boolean newest = (list.listing == null || list.listing.ticket() < failure.ticket())
					&& (list.failure == null || list.failure.ticket() < failure.ticket());
			if (newest) {
				list.failure = failure;
			}
			ended(list, future);
		}
	}

	/** Called holding the list's lock. */
	private static void ended(HostList list, CompletableFuture<Listing> future) {
		if (list.running == future) {
			list.running = null;
		}
	}

	private static Listing await(CompletableFuture<Listing> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/**
	 * One host's list, its read under way and its last failure; guarded by itself.
	 */
	private static final class HostList {

		private final Host host;

		private Listing listing;

		private Failure failure;

		private CompletableFuture<Listing> running;

		HostList(Host host) {
			this.host = host;
		}

	}

	private record Listing(List<Mailbox> mailboxes, Instant readAt, long ticket) {
	}

	/**
	 * Why a read failed: maddy's error and message, or the host's (a cut connection).
	 */
	private record Failure(String errorKey, String message, Instant at, long ticket) {

		static Failure of(RuntimeException ex, Instant at, long ticket) {
			if (ex instanceof MaddyException maddy) {
				return new Failure(maddy.getRun().error().messageKey(), maddy.getRun().message(), at, ticket);
			}
			return new Failure(MaddyError.FAILED.messageKey(), String.valueOf(ex.getMessage()), at, ticket);
		}

	}

}
