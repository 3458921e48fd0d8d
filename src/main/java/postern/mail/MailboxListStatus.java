package postern.mail;

import java.time.Duration;
import java.time.Instant;

/**
 * How fresh the mailbox list of a host is: when it was read, whether it is being read
 * again, and why the last read failed when it did.
 *
 * @param readAt when the list shown was read, or {@code null} when none was
 * @param now the time this status was taken
 * @param refreshing whether a read is under way
 * @param failedAt when the last read failed, or {@code null} when it did not
 * @param errorKey the message key of that failure's kind, or {@code null}
 * @param failure maddy's (or the host's) message of that failure, never a secret, or
 * {@code null}
 */
public record MailboxListStatus(Instant readAt, Instant now, boolean refreshing, Instant failedAt, String errorKey,
		String failure) {

	/**
	 * Whether a list was read.
	 * @return {@code true} when there is a list to show
	 */
	public boolean loaded() {
		return this.readAt != null;
	}

	/**
	 * Whether the last read failed, so the list shown is older than it should be.
	 * @return {@code true} after a failed read
	 */
	public boolean failed() {
		return this.failedAt != null;
	}

	/**
	 * The list's age in whole seconds.
	 * @return seconds since it was read, 0 when none was
	 */
	public long ageSeconds() {
		return loaded() ? Math.max(0, Duration.between(this.readAt, this.now).toSeconds()) : 0;
	}

}
