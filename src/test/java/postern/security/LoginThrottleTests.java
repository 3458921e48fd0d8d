package postern.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import postern.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

	private final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T12:00:00Z"));

	private final LoginThrottle throttle = new LoginThrottle(Optional.of(this.clock));

	@Test
	void delayStartsAfterTheFreeFailuresAndDoublesWithEachFailure() {
		for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
			fail("127.0.0.9");
		}
		assertThat(this.throttle.delay("127.0.0.9")).isZero();
		Duration previous = Duration.ZERO;
		for (int i = 0; i < 6; i++) {
			fail("127.0.0.9");
			Duration delay = this.throttle.delay("127.0.0.9");
			assertThat(delay).as("delay after failure %d", i + 1).isGreaterThan(previous);
			if (!previous.isZero()) {
				assertThat(delay).isEqualTo(previous.multipliedBy(2));
			}
			previous = delay;
			assertThat(this.throttle.attempt("127.0.0.9")).as("refused at once").isFalse();
			this.clock.advance(delay.minusMillis(1));
			assertThat(this.throttle.attempt("127.0.0.9")).as("refused just before the delay ends").isFalse();
			this.clock.advance(Duration.ofMillis(1));
		}
		assertThat(previous).isEqualTo(Duration.ofSeconds(32));
		assertThat(this.throttle.delay("127.0.0.9")).as("refused attempts are not counted").isEqualTo(previous);
	}

	@Test
	void aBurstOfParallelAttemptsGetsNoMoreTriesThanOneAfterAnother() {
		int letThrough = 0;
		for (int i = 0; i < 50; i++) {
			if (this.throttle.attempt("127.0.0.14")) {
				letThrough++;
			}
		}
		assertThat(letThrough).as("attempts let through before any of them ended")
			.isEqualTo(LoginThrottle.FREE_FAILURES + 1);
		assertThat(this.throttle.delay("127.0.0.14")).isEqualTo(LoginThrottle.FIRST_DELAY);
	}

	@Test
	void anAttemptThatEndsNeitherWayNoLongerCounts() {
		for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
			fail("127.0.0.15");
		}
		assertThat(this.throttle.attempt("127.0.0.15")).isTrue();
		this.throttle.released("127.0.0.15");
		assertThat(this.throttle.delay("127.0.0.15")).isZero();
		assertThat(this.throttle.attempt("127.0.0.15")).as("still within the free failures").isTrue();
	}

	@Test
	void delayIsPerAddressAndCapped() {
		for (int i = 0; i < 60; i++) {
			this.clock.advance(this.throttle.delay("127.0.0.10"));
			fail("127.0.0.10");
		}
		assertThat(this.throttle.delay("127.0.0.10")).isEqualTo(LoginThrottle.MAX_DELAY);
		assertThat(this.throttle.attempt("127.0.0.10")).isFalse();
		assertThat(this.throttle.attempt("127.0.0.11")).isTrue();
	}

	@Test
	void successClearsTheAddressAndQuietAddressesAreForgotten() {
		for (int i = 0; i < 8; i++) {
			fail("127.0.0.12");
			fail("127.0.0.13");
			this.clock.advance(this.throttle.delay("127.0.0.13"));
		}
		assertThat(this.throttle.attempt("127.0.0.12")).isTrue();
		this.throttle.succeeded("127.0.0.12");
		assertThat(this.throttle.delay("127.0.0.12")).isZero();
		assertThat(this.throttle.attempt("127.0.0.12")).isTrue();
		this.clock.advance(LoginThrottle.MAX_DELAY.plus(LoginThrottle.FORGET_AFTER).plusSeconds(1));
		fail("127.0.0.13");
		assertThat(this.throttle.delay("127.0.0.13")).as("counting starts again").isZero();
	}

	/** One attempt, let through, that fails. */
	private void fail(String address) {
		assertThat(this.throttle.attempt(address)).as("attempt let through").isTrue();
		this.throttle.failed(address);
	}

}
