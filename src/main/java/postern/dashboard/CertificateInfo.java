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
 * @param state how its time left stands against its own lifetime, as in the health checks
 */
public record CertificateInfo(String server, Path path, String name, Instant notAfter, long daysLeft,
		CertificateLifetime.State state) {

	/**
	 * A certificate judged by days left alone, for one whose start is unknown: a third of
	 * a 90-day certificate.
	 * @param server the server
	 * @param path the file
	 * @param name the subject's name
	 * @param notAfter when it expires
	 * @param daysLeft whole days until then
	 */
	public CertificateInfo(String server, Path path, String name, Instant notAfter, long daysLeft) {
		this(server, path, name, notAfter, daysLeft, (daysLeft < 0) ? CertificateLifetime.State.EXPIRED
				: (daysLeft < 30) ? CertificateLifetime.State.RENEWAL_LATE : CertificateLifetime.State.FINE);
	}

	/**
	 * Whether it has expired.
	 * @return {@code true} when its end date is past
	 */
	public boolean expired() {
		return this.state == CertificateLifetime.State.EXPIRED;
	}

	/**
	 * Whether its renewal is late: less than a third of its lifetime left.
	 * @return {@code true} when it is not expired but should have been renewed
	 */
	public boolean expiresSoon() {
		return this.state == CertificateLifetime.State.RENEWAL_LATE
				|| this.state == CertificateLifetime.State.RENEWAL_FAILING;
	}

	/**
	 * Whether its renewal is failing: expired, or less than a tenth of its lifetime left.
	 * @return {@code true} for an error
	 */
	public boolean failing() {
		return this.state == CertificateLifetime.State.EXPIRED
				|| this.state == CertificateLifetime.State.RENEWAL_FAILING;
	}

}
