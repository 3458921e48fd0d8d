package postern.system;

/**
 * Something read from the server by a command, with the command's outcome, so a page can
 * show the value or say exactly what went wrong.
 *
 * @param <T> what was read
 * @param value the value; when the command failed, a neutral value or {@code null}
 * @param outcome the command that gave it
 */
public record Reading<T>(T value, CommandOutcome outcome) {

	/**
	 * Whether the command succeeded, so {@link #value()} holds what the server said.
	 * @return {@code true} on success
	 */
	public boolean ok() {
		return this.outcome.ok();
	}

	/**
	 * Whether the command was killed at its timeout.
	 * @return {@code true} when it hung
	 */
	public boolean timedOut() {
		return this.outcome.timedOut();
	}

}
