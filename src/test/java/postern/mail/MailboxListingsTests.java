package postern.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import postern.MovableClock;
import postern.host.Host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The mailbox lists kept per host: served at once once read, read again in the background
 * one read at a time, kept when a read fails, never mixed between hosts. maddy is a
 * function here whose answers the test hands to each read in turn, so a read stays under
 * way for as long as the test wants.
 */
class MailboxListingsTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final ExecutorService background = Executors.newCachedThreadPool();

	private final ExecutorService requests = Executors.newCachedThreadPool();

	private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T22:00:00Z"));

	/** The answer to each read, by host and by the read's number (from 1). */
	private final Map<String, Map<Integer, CompletableFuture<Supplier<List<Mailbox>>>>> answers = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> answered = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();

	private final MailboxListings listings = new MailboxListings(this::read, this.background, this.clock);

	@AfterEach
	void stop() {
		this.background.shutdownNow();
		this.requests.shutdownNow();
	}

	@Test
	void theFirstReadIsWaitedForAndSharedByEveryRequest() throws Exception {
		Host host = host("vps1");
		Future<List<Mailbox>> first = this.requests.submit(() -> this.listings.current(host));
		awaitReads("vps1", 1);
		Future<List<Mailbox>> second = this.requests.submit(() -> this.listings.current(host));

		answer("vps1", "alice@example.org");

		assertThat(addresses(first.get(WAIT.toSeconds(), TimeUnit.SECONDS))).containsExactly("alice@example.org");
		assertThat(addresses(second.get(WAIT.toSeconds(), TimeUnit.SECONDS))).containsExactly("alice@example.org");
		assertThat(readsOf("vps1")).isEqualTo(1);
		assertThat(this.listings.status(host).loaded()).isTrue();
	}

	@Test
	void anOldListIsServedWhileOneReadRunsInTheBackground() throws Exception {
		Host host = host("vps1");
		loaded(host, "alice@example.org");
		this.clock.advance(MailboxListings.REFRESH_AFTER.plusSeconds(7));
		assertThat(this.listings.status(host).ageSeconds()).isEqualTo(12);

		// the list is old: the request gets it, and a read starts behind it
		assertThat(addresses(this.listings.current(host))).containsExactly("alice@example.org");
		awaitReads("vps1", 2);
		for (int i = 0; i < 5; i++) {
			assertThat(addresses(this.listings.current(host))).containsExactly("alice@example.org");
		}
		assertThat(this.listings.status(host).refreshing()).isTrue();
		assertThat(readsOf("vps1")).as("one read at a time").isEqualTo(2);

		answer("vps1", "alice@example.org", "bob@example.org");
		awaitIdle(host);
		assertThat(addresses(this.listings.current(host))).containsExactly("alice@example.org", "bob@example.org");
		MailboxListStatus status = this.listings.status(host);
		assertThat(status.ageSeconds()).isZero();
		assertThat(status.failed()).isFalse();
		assertThat(readsOf("vps1")).isEqualTo(2);
	}

	@Test
	void aFreshListIsNotReadAgain() {
		Host host = host("vps1");
		loaded(host, "alice@example.org");
		this.clock.advance(MailboxListings.REFRESH_AFTER.minusSeconds(1));

		this.listings.current(host);

		assertThat(this.listings.status(host).refreshing()).isFalse();
		assertThat(readsOf("vps1")).isEqualTo(1);
	}

	@Test
	void aFailedReadKeepsTheLastListAndSaysWhy() throws Exception {
		Host host = host("vps1");
		loaded(host, "alice@example.org");
		this.clock.advance(MailboxListings.REFRESH_AFTER);
		this.listings.current(host);
		awaitReads("vps1", 2);

		fail("vps1", "imapsql: database is locked");
		awaitIdle(host);

		assertThat(addresses(this.listings.current(host))).containsExactly("alice@example.org");
		MailboxListStatus status = this.listings.status(host);
		assertThat(status.failed()).isTrue();
		assertThat(status.errorKey()).isEqualTo("maddy.error.failed");
		assertThat(status.failure()).isEqualTo("imapsql: database is locked");
		assertThat(status.ageSeconds()).isEqualTo(5);
		assertThat(readsOf("vps1")).as("the failure is not retried at once").isEqualTo(2);

		// the next read that works clears it
		this.clock.advance(MailboxListings.REFRESH_AFTER);
		this.listings.current(host);
		awaitReads("vps1", 3);
		answer("vps1", "alice@example.org", "carol@example.org");
		awaitIdle(host);
		assertThat(this.listings.status(host).failed()).isFalse();
		assertThat(addresses(this.listings.current(host))).containsExactly("alice@example.org", "carol@example.org");
	}

	@Test
	void aFirstReadThatFailsIsAnErrorAndTheNextRequestTriesAgain() {
		Host host = host("vps1");
		fail("vps1", "Error: failed to open config");

		assertThatExceptionOfType(MaddyException.class).isThrownBy(() -> this.listings.current(host));
		assertThat(this.listings.status(host).loaded()).isFalse();

		answer("vps1", "alice@example.org");
		assertThat(addresses(this.listings.current(host))).containsExactly("alice@example.org");
		assertThat(this.listings.status(host).failed()).isFalse();
	}

	@Test
	void aReloadIsKeptEvenWhenAnOlderBackgroundReadEndsAfterIt() throws Exception {
		Host host = host("vps1");
		loaded(host, "alice@example.org");
		this.clock.advance(MailboxListings.REFRESH_AFTER);
		this.listings.current(host);
		awaitReads("vps1", 2);

		// a mailbox action reads the list back while the background read is still under
		// way
		Future<List<Mailbox>> reload = this.requests.submit(() -> this.listings.reload(host));
		awaitReads("vps1", 3);
		// the answers go in the order the reads were made: the older read gets the older
		// list, but ends last
		CountDownLatch reloadDone = new CountDownLatch(1);
		answerNext("vps1", () -> {
			awaitQuietly(reloadDone);
			return mailboxes("alice@example.org");
		});
		answer("vps1", "alice@example.org", "new@example.org");
		assertThat(addresses(reload.get(WAIT.toSeconds(), TimeUnit.SECONDS))).contains("new@example.org");
		reloadDone.countDown();
		awaitIdle(host);

		assertThat(addresses(this.listings.current(host))).containsExactly("alice@example.org", "new@example.org");
	}

	@Test
	void theRefreshButtonWaitsForTheReadAndReadsOnlyOnce() throws Exception {
		Host host = host("vps1");
		loaded(host, "alice@example.org");
		Future<Boolean> first = this.requests.submit(() -> this.listings.refresh(host, WAIT));
		awaitReads("vps1", 2);
		// a second click while the read is under way waits for the same read
		assertThat(this.listings.refresh(host, Duration.ofMillis(100))).isFalse();
		assertThat(readsOf("vps1")).isEqualTo(2);

		answer("vps1", "alice@example.org", "bob@example.org");

		assertThat(first.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		assertThat(readsOf("vps1")).isEqualTo(2);
		assertThat(addresses(this.listings.current(host))).contains("bob@example.org");
	}

	@Test
	void theRefreshButtonGivesUpWaitingButTheReadGoesOn() throws Exception {
		Host host = host("vps1");
		loaded(host, "alice@example.org");

		assertThat(this.listings.refresh(host, Duration.ofMillis(50))).isFalse();
		assertThat(this.listings.status(host).refreshing()).isTrue();
		assertThat(addresses(this.listings.current(host))).containsExactly("alice@example.org");

		answer("vps1", "bob@example.org");
		awaitIdle(host);
		assertThat(addresses(this.listings.current(host))).containsExactly("bob@example.org");
	}

	@Test
	void whoeverWaitedForARefreshSeesItEnded() throws Exception {
		Host host = host("vps1");
		loaded(host, "alice@example.org");
		// the read's end and its waiters' wake-up raced: repeat so a loss would show
		for (int i = 0; i < 300; i++) {
			answer("vps1", "alice@example.org");
			assertThat(this.listings.refresh(host, WAIT)).isTrue();
			assertThat(this.listings.status(host).refreshing()).as("refreshing after read %d", i).isFalse();
		}
	}

	@Test
	void aReadEndedByAnErrorLetsTheNextOneStart() throws Exception {
		Host host = host("vps1");
		loaded(host, "alice@example.org");
		answerNext("vps1", () -> {
			throw new StackOverflowError("deep");
		});

		assertThat(this.listings.refresh(host, WAIT)).isTrue();
		assertThat(this.listings.status(host).refreshing()).isFalse();

		answer("vps1", "bob@example.org");
		assertThat(this.listings.refresh(host, WAIT)).isTrue();
		assertThat(addresses(this.listings.current(host))).containsExactly("bob@example.org");
	}

	@Test
	void hostsKeepTheirOwnLists() {
		Host one = host("vps1");
		Host two = host("vps2");
		loaded(one, "alice@one.example");
		loaded(two, "bob@two.example");

		assertThat(addresses(this.listings.current(one))).containsExactly("alice@one.example");
		assertThat(addresses(this.listings.current(two))).containsExactly("bob@two.example");

		// the same name, made again (its settings changed): its list is read again
		Host oneAgain = host("vps1");
		answer("vps1", "carol@one.example");
		assertThat(addresses(this.listings.current(oneAgain))).containsExactly("carol@one.example");
		assertThat(addresses(this.listings.current(two))).containsExactly("bob@two.example");
	}

	@Test
	void forgettingMakesTheNextRequestWait() {
		Host host = host("vps1");
		loaded(host, "alice@example.org");

		this.listings.forget();
		answer("vps1", "bob@example.org");

		assertThat(addresses(this.listings.current(host))).containsExactly("bob@example.org");
		assertThat(readsOf("vps1")).isEqualTo(2);
	}

	private void loaded(Host host, String... addresses) {
		answer(host.name(), addresses);
		assertThat(addresses(this.listings.current(host))).containsExactly(addresses);
	}

	private List<Mailbox> read(Host host) {
		int number = this.reads.computeIfAbsent(host.name(), (name) -> new AtomicInteger()).incrementAndGet();
		try {
			return answerTo(host.name(), number).get(WAIT.toSeconds(), TimeUnit.SECONDS).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("No answer was given to read " + number + " of " + host.name(), ex);
		}
	}

	private CompletableFuture<Supplier<List<Mailbox>>> answerTo(String host, int number) {
		return this.answers.computeIfAbsent(host, (name) -> new ConcurrentHashMap<>())
			.computeIfAbsent(number, (n) -> new CompletableFuture<>());
	}

	/** Answer the next read of a host not answered yet, made or still to come. */
	private void answerNext(String host, Supplier<List<Mailbox>> answer) {
		int number = this.answered.computeIfAbsent(host, (name) -> new AtomicInteger()).incrementAndGet();
		answerTo(host, number).complete(answer);
	}

	private void answer(String host, String... addresses) {
		answerNext(host, () -> mailboxes(addresses));
	}

	private void fail(String host, String message) {
		answerNext(host, () -> {
			throw new MaddyException(new MaddyRun("maddy creds list", 1, MaddyError.FAILED, message));
		});
	}

	private int readsOf(String host) {
		AtomicInteger count = this.reads.get(host);
		return (count != null) ? count.get() : 0;
	}

	private void awaitReads(String host, int count) throws InterruptedException {
		long end = System.nanoTime() + WAIT.toNanos();
		while (readsOf(host) < count && System.nanoTime() < end) {
			Thread.sleep(5);
		}
		assertThat(readsOf(host)).isGreaterThanOrEqualTo(count);
	}

	private void awaitIdle(Host host) throws InterruptedException {
		long end = System.nanoTime() + WAIT.toNanos();
		while (this.listings.status(host).refreshing() && System.nanoTime() < end) {
			Thread.sleep(5);
		}
		assertThat(this.listings.status(host).refreshing()).isFalse();
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static List<Mailbox> mailboxes(String... addresses) {
		return java.util.Arrays.stream(addresses).map((address) -> Mailbox.of(address, true, true)).toList();
	}

	private static List<String> addresses(List<Mailbox> mailboxes) {
		return mailboxes.stream().map(Mailbox::address).toList();
	}

	private static Host host(String name) {
		Host host = mock(Host.class);
		given(host.name()).willReturn(name);
		return host;
	}

}
