package postern.mail;

import java.util.List;

/**
 * What a mailbox action did, for the page that follows it and the audit log: the maddy
 * calls it made (as displayed, never with a password) and how it ended.
 *
 * @param action what was asked
 * @param address the mailbox
 * @param success whether the mailbox is now as asked
 * @param resultKey the message key that says what happened, with the address as its
 * argument
 * @param runs the maddy calls, in order
 * @param noteKeys message keys of warnings to show with the result (address as argument)
 */
public record MailboxOutcome(Action action, String address, boolean success, String resultKey, List<MaddyRun> runs,
		List<String> noteKeys) implements java.io.Serializable {

	public MailboxOutcome {
		runs = List.copyOf(runs);
		noteKeys = List.copyOf(noteKeys);
	}

	/**
	 * The mailbox actions.
	 */
	public enum Action {

		/** A new mailbox (login and IMAP account). */
		CREATE,

		/** A new password. */
		PASSWORD,

		/** Login removed, mail kept. */
		ARCHIVE,

		/** Login and IMAP account with all mail removed. */
		DELETE,

		/** The missing IMAP account of a half-made mailbox created. */
		REPAIR;

		/**
		 * The audit action and message-key stem of this action.
		 * @return e.g. {@code mailbox.create}
		 */
		public String code() {
			return "mailbox." + name().toLowerCase(java.util.Locale.ROOT);
		}

	}

}
