package postern.system;

import java.time.Duration;

import postern.host.Command;
import postern.host.CommandResult;

/**
 * What a system command did, as a page shows it: the command (secrets hidden), its exit
 * code and output, or why it did not run.
 *
 * @param command the command as it may be shown
 * @param exitCode its exit code; {@code -1} when killed or never started
 * @param stdout its standard output
 * @param stderr its standard error, or why it could not be started
 * @param duration how long it ran
 * @param timedOut whether it was killed at its timeout
 * @param started whether the program could be started at all
 */
public record CommandOutcome(String command, int exitCode, String stdout, String stderr, Duration duration,
		boolean timedOut, boolean started) {

	static CommandOutcome of(Command command, CommandResult result) {
		return new CommandOutcome(command.toString(), result.exitCode(), result.stdout(), result.stderr(),
				result.duration(), result.timedOut(), true);
	}

	static CommandOutcome notStarted(Command command, String reason) {
		return new CommandOutcome(command.toString(), -1, "", reason, Duration.ZERO, false, false);
	}

	/**
	 * Whether the command ran and ended with exit code 0.
	 * @return {@code true} on success
	 */
	public boolean ok() {
		return this.started && !this.timedOut && this.exitCode == 0;
	}

	/**
	 * Both outputs, standard output first.
	 * @return the text to show, stripped of trailing blank lines
	 */
	public String output() {
		String out = this.stdout.stripTrailing();
		String err = this.stderr.stripTrailing();
		if (out.isEmpty() || err.isEmpty()) {
			return out + err;
		}
		return out + "\n" + err;
	}

	/**
	 * How long the command ran.
	 * @return milliseconds
	 */
	public long millis() {
		return this.duration.toMillis();
	}

	/**
	 * The timeout the command was killed at, in whole seconds, for messages.
	 * @return seconds, at least 1
	 */
	public long seconds() {
		return Math.max(1, Math.round(this.duration.toMillis() / 1000.0));
	}

}
