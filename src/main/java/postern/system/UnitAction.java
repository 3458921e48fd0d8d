package postern.system;

import java.time.Instant;

/**
 * A reload or restart of a unit, and what came of it.
 *
 * @param unit the server
 * @param unitName its systemd unit
 * @param verb {@code reload} or {@code restart}
 * @param command what was run, as it may be shown
 * @param ok whether it worked
 * @param exitCode the command's exit code, or {@code null} when a reloader ran several
 * @param output what was said
 * @param timedOut whether the command was killed at its timeout
 * @param at when it ended
 */
public record UnitAction(ServiceUnit unit, String unitName, String verb, String command, boolean ok, Integer exitCode,
		String output, boolean timedOut, Instant at) {

	/** The verb of a reload. */
	public static final String RELOAD = "reload";

	/** The verb of a restart. */
	public static final String RESTART = "restart";

	static UnitAction of(ServiceUnit unit, String unitName, String verb, CommandOutcome outcome, Instant at) {
		return new UnitAction(unit, unitName, verb, outcome.command(), outcome.ok(),
				outcome.started() ? outcome.exitCode() : null, outcome.output(), outcome.timedOut(), at);
	}

	/**
	 * The audit entry's detail: the command, then its exit code and output.
	 * @return the text recorded
	 */
	String auditDetail() {
		StringBuilder detail = new StringBuilder(this.command);
		if (this.exitCode != null) {
			detail.append("\nexit ").append(this.exitCode);
		}
		if (this.timedOut) {
			detail.append(", killed at its timeout");
		}
		if (!this.output.isBlank()) {
			detail.append('\n').append(this.output);
		}
		return detail.toString();
	}

}
