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
 * early is refused without checking the password, so the wait cannot be beaten with
 * parallel requests. A successful login clears the address; an address that stays quiet
 * is forgotten.
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
	 * Whether an address may try now.
	 * @param address the client address, or {@code null} when unknown
	 * @return {@code false} while its delay runs
	 */
	boolean allowed(String address) {
		Failures known = (address != null) ? this.failures.get(address) : null;
		return known == null || !this.clock.instant().isBefore(known.allowedAt());
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

	void failed(String address) {
		if (address == null) {
			return;
		}
		Instant now = this.clock.instant();
		this.failures.compute(address, (key, known) -> {
			int count = (known == null || known.forgottenAt(now)) ? 1 : known.count() + 1;
			return new Failures(count, now);
		});
		if (this.failures.size() > SWEEP_ABOVE) {
			this.failures.values().removeIf((known) -> known.forgottenAt(now));
		}
	}

	void succeeded(String address) {
		if (address != null) {
			this.failures.remove(address);
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
