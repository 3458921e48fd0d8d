package postern.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Slows down a client address that keeps failing to log in, whatever the accounts it
 * tries: after {@value #FREE_FAILURES} failures, each further attempt must wait a delay
 * that doubles with every failure, up to {@link #MAX_DELAY}. An attempt that comes too
 * early is refused without checking the password. An attempt counts as a failure from the
 * moment it is let through until it succeeds, so the wait cannot be beaten with parallel
 * requests either: a burst gets no more password checks than the same requests one after
 * another. A successful login clears the address; an address that stays quiet is
 * forgotten.
 */
@Component
class LoginThrottle {

	static final int FREE_FAILURES = 5;

	static final Duration FIRST_DELAY = Duration.ofSeconds(1);

	static final Duration MAX_DELAY = Duration.ofMinutes(15);

	/** How long after its allowed time an address's failures are kept. */
	static final Duration FORGET_AFTER = Duration.ofHours(1);

	/** Beyond this many addresses, forgotten ones are swept out. */
	private static final int SWEEP_ABOVE = 10_000;

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	private final Clock clock;

	LoginThrottle(Optional<Clock> clock) {
		this.clock = clock.orElseGet(Clock::systemUTC);
	}

	/**
	 * Let an attempt through, or refuse it while the address's delay runs. One let
	 * through counts as a failure at once; it ends with {@link #failed},
	 * {@link #succeeded} or {@link #released}.
	 * @param address the client address, or {@code null} when unknown
	 * @return {@code false} while its delay runs
	 */
	boolean attempt(String address) {
		if (address == null) {
			return true;
		}
		Instant now = this.clock.instant();
		boolean[] allowed = new boolean[1];
		this.failures.compute(address, (key, known) -> {
			if (known == null || known.forgottenAt(now)) {
				allowed[0] = true;
				return new Failures(1, now);
			}
			allowed[0] = !now.isBefore(known.allowedAt());
			return allowed[0] ? new Failures(known.count() + 1, now) : known;
		});
		if (this.failures.size() > SWEEP_ABOVE) {
			this.failures.values().removeIf((known) -> known.forgottenAt(now));
		}
		return allowed[0];
	}

	/**
	 * The delay an address must wait after its last failure.
	 * @param address the client address
	 * @return zero for an address that failed at most {@value #FREE_FAILURES} times
	 */
	Duration delay(String address) {
		Failures known = (address != null) ? this.failures.get(address) : null;
		return (known != null) ? delayAfter(known.count()) : Duration.ZERO;
	}

	/**
	 * An attempt failed: it was counted when let through, and its delay now runs from the
	 * failure.
	 * @param address the client address
	 */
	void failed(String address) {
		if (address != null) {
			Instant now = this.clock.instant();
			this.failures.computeIfPresent(address, (key, known) -> new Failures(known.count(), now));
		}
	}

	void succeeded(String address) {
		if (address != null) {
			this.failures.remove(address);
		}
	}

	/**
	 * An attempt ended neither way (the password was right, a second factor is still
	 * due): it no longer counts.
	 * @param address the client address
	 */
	void released(String address) {
		if (address != null) {
			this.failures.computeIfPresent(address,
					(key, known) -> (known.count() > 1) ? new Failures(known.count() - 1, known.last()) : null);
		}
	}

	static Duration delayAfter(int count) {
		if (count <= FREE_FAILURES) {
			return Duration.ZERO;
		}
		int doublings = Math.min(count - FREE_FAILURES - 1, 30);
		Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
		return (delay.compareTo(MAX_DELAY) > 0) ? MAX_DELAY : delay;
	}

	private record Failures(int count, Instant last) {

		Instant allowedAt() {
			return this.last.plus(delayAfter(this.count));
		}

		boolean forgottenAt(Instant now) {
			return now.isAfter(allowedAt().plus(FORGET_AFTER));
		}

	}

}
