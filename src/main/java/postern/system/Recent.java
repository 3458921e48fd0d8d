package postern.system;

import java.time.Duration;

/**
 * A value read from a server a short while ago, so that a page can say how old it is.
 *
 * @param <T> what was read
 * @param value the value
 * @param age how long ago it was read
 */
public record Recent<T>(T value, Duration age) {

	/**
	 * The age in whole seconds, for messages.
	 * @return seconds since the value was read
	 */
	public long ageSeconds() {
		return this.age.toSeconds();
	}

}
