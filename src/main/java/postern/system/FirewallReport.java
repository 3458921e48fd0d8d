package postern.system;

import java.util.List;

/**
 * The firewall and the ports it should let in but does not.
 *
 * @param status the firewall, or {@code null} when ufw could not be asked
 * @param closedPorts the needed ports no rule lets in from anywhere
 * @param outcome the {@code ufw status verbose} command
 */
public record FirewallReport(FirewallStatus status, List<Integer> closedPorts, CommandOutcome outcome) {

	public FirewallReport {
		closedPorts = List.copyOf(closedPorts);
	}

	/**
	 * Whether ufw answered.
	 * @return {@code true} when {@link #status()} is there
	 */
	public boolean ok() {
		return this.status != null;
	}

	/**
	 * Whether ufw is missing.
	 * @return {@code true} when it is not installed
	 */
	public boolean notInstalled() {
		return !this.outcome.started() || this.outcome.output().contains("command not found");
	}

}
