package postern.host;

import java.time.Duration;

/**
 * What a command did.
 *
 * @param exitCode the process's exit code ({@code -1} when it was killed at its timeout)
 * @param stdout its standard output, decoded as UTF-8
 * @param stderr its standard error, decoded as UTF-8
 * @param duration how long it ran
 * @param timedOut whether it was killed, with its children, at its timeout
 */
public record CommandResult(int exitCode, String stdout, String stderr, Duration duration, boolean timedOut) {

	/**
	 * Whether the command ended by itself with exit code 0.
	 * @return {@code true} on success
	 */
	public boolean succeeded() {
		return !this.timedOut && this.exitCode == 0;
	}

}
