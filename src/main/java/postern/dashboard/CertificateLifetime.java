package postern.dashboard;

import java.time.Duration;
import java.time.Instant;

/**
 * A certificate's time left judged against its own lifetime, not a fixed number of days:
 * Caddy and certbot renew when a third of it remains, so less than a third left means the
 * renewal is late, and less than a tenth that it is failing. A 12-hour certificate from a
 * private CA and a 90-day one from Let's Encrypt are judged alike.
 *
 * @param notBefore the start of its validity
 * @param notAfter the end of its validity
 */
public record CertificateLifetime(Instant notBefore, Instant notAfter) {

	/** Below four days of lifetime, durations are told in hours. */
	private static final Duration HOURS_BELOW = Duration.ofDays(4);

	/**
	 * How a certificate stands.
	 */
	public enum State {

		/** More than a third of its lifetime left. */
		FINE,

		/** Less than a third left: the renewal is late. */
		RENEWAL_LATE,

		/** Less than a tenth left: the renewal is failing. */
		RENEWAL_FAILING,

		/** Past its end. */
		EXPIRED

	}

	/**
	 * Where the certificate stands at a moment.
	 * @param now the moment
	 * @return its state
	 */
	public State at(Instant now) {
		if (!now.isBefore(this.notAfter)) {
			return State.EXPIRED;
		}
		long total = lifetime().toSeconds();
		long left = Duration.between(now, this.notAfter).toSeconds();
		if (left * 10 < total) {
			return State.RENEWAL_FAILING;
		}
		if (left * 3 < total) {
			return State.RENEWAL_LATE;
		}
		return State.FINE;
	}

	/**
	 * The whole validity.
	 * @return from start to end; zero for an end before the start
	 */
	public Duration lifetime() {
		Duration lifetime = Duration.between(this.notBefore, this.notAfter);
		return lifetime.isNegative() ? Duration.ZERO : lifetime;
	}

	/**
	 * Whether durations of this certificate are best told in hours.
	 * @return {@code true} for a lifetime under four days
	 */
	public boolean inHours() {
		return lifetime().compareTo(HOURS_BELOW) < 0;
	}

	/**
	 * Time left in the certificate's unit.
	 * @param now the moment
	 * @return whole hours or whole days left, never below zero
	 */
	public long left(Instant now) {
		Duration left = Duration.between(now, this.notAfter);
		if (left.isNegative()) {
			return 0;
		}
		return inHours() ? left.toHours() : left.toDays();
	}

	/**
	 * The lifetime in the certificate's unit.
	 * @return whole hours or whole days
	 */
	public long length() {
		return inHours() ? lifetime().toHours() : lifetime().toDays();
	}

}
