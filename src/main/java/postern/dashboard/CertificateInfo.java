package postern.dashboard;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A certificate a server presents, and when it expires.
 *
 * @param server {@code maddy} for the MX certificate, {@code caddy} for one Caddy stored
 * @param path the file it was read from
 * @param name the subject's common name (or the whole subject when it has none)
 * @param notAfter when it expires
 * @param daysLeft whole days until then; negative once expired
 */
public record CertificateInfo(String server, Path path, String name, Instant notAfter, long daysLeft) {

	/** Fewer days left than this is a warning, as in the health checks. */
	public static final int WARNING_DAYS = 14;

	/**
	 * Whether it has expired.
	 * @return {@code true} when its end date is past
	 */
	public boolean expired() {
		return this.daysLeft < 0;
	}

	/**
	 * Whether it expires soon.
	 * @return {@code true} when fewer than {@value #WARNING_DAYS} days are left
	 */
	public boolean expiresSoon() {
		return !expired() && this.daysLeft < WARNING_DAYS;
	}

}
