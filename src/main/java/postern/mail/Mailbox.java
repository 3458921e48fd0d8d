package postern.mail;

import java.util.Locale;

/**
 * A mailbox as maddy holds it: a login (credentials) and an IMAP account of the same
 * name. Either may exist without the other.
 *
 * @param address the lower-case full address
 * @param domain the part after the {@code @}
 * @param hasCredentials whether {@code creds list} has it (it can log in)
 * @param hasImapAccount whether {@code imap-acct list} has it (it has mail storage)
 */
public record Mailbox(String address, String domain, boolean hasCredentials, boolean hasImapAccount) {

	/**
	 * A mailbox of an address.
	 * @param address a lower-case full address
	 * @param hasCredentials whether it has a login
	 * @param hasImapAccount whether it has an IMAP account
	 * @return the mailbox
	 */
	public static Mailbox of(String address, boolean hasCredentials, boolean hasImapAccount) {
		int at = address.lastIndexOf('@');
		return new Mailbox(address, (at >= 0) ? address.substring(at + 1) : "", hasCredentials, hasImapAccount);
	}

	/**
	 * The part before the {@code @}.
	 * @return the local part
	 */
	public String localPart() {
		int at = this.address.lastIndexOf('@');
		return (at >= 0) ? this.address.substring(0, at) : this.address;
	}

	/**
	 * Whether both halves exist, or which one is missing.
	 * @return the state
	 */
	public State state() {
		if (this.hasCredentials && this.hasImapAccount) {
			return State.COMPLETE;
		}
		return this.hasCredentials ? State.NO_IMAP_ACCOUNT : State.NO_CREDENTIALS;
	}

	/**
	 * The states a mailbox can be in.
	 */
	public enum State {

		/** A login and an IMAP account: receives mail, can log in. */
		COMPLETE,

		/**
		 * A login without an IMAP account: half-made (maddy refuses mail for it until the
		 * account exists); one-click repair creates the account.
		 */
		NO_IMAP_ACCOUNT,

		/**
		 * An IMAP account without a login: archived (mail kept, login removed), or
		 * half-made.
		 */
		NO_CREDENTIALS;

		private final String messageKey = "mailboxes.state." + name().toLowerCase(Locale.ROOT).replace('_', '-');

		/**
		 * The message key of this state's label, made once: every row of the list asks
		 * it.
		 * @return e.g. {@code mailboxes.state.complete}
		 */
		public String messageKey() {
			return this.messageKey;
		}

	}

}
