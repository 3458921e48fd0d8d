package postern.system;

import java.util.List;

/**
 * fail2ban's jails, or why they could not be read.
 *
 * @param state whether fail2ban answered, is missing or is stopped
 * @param jails every jail with its bans; empty unless fail2ban answered
 * @param outcome the last command run (the first that failed, when one did)
 */
public record Fail2banStatus(State state, List<JailStatus> jails, CommandOutcome outcome) {

	public Fail2banStatus {
		jails = List.copyOf(jails);
	}

	/**
	 * Addresses banned now, over all jails.
	 * @return the sum of the jails' current bans
	 */
	public int currentlyBanned() {
		return this.jails.stream().mapToInt(JailStatus::currentlyBanned).sum();
	}

	/**
	 * Bans since fail2ban started, over all jails.
	 * @return the sum of the jails' total bans
	 */
	public int totalBanned() {
		return this.jails.stream().mapToInt(JailStatus::totalBanned).sum();
	}

	/**
	 * What fail2ban-client said about fail2ban.
	 */
	public enum State {

		/** It answered. */
		RUNNING,

		/** fail2ban-client is not installed. */
		NOT_INSTALLED,

		/** fail2ban-client runs but the server does not answer. */
		NOT_RUNNING,

		/**
		 * Something else went wrong (a refused sudo, a timeout): the output says what.
		 */
		FAILED

	}

}
