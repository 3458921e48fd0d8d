package postern.mail;

/**
 * Why a maddy CLI call failed, read from its exit code and its standard error.
 */
public enum MaddyError {

	/** The login or IMAP account exists already. */
	ALREADY_EXISTS,

	/** There is no such login or IMAP account. */
	NOT_FOUND,

	/** maddy refused the user name. */
	INVALID_NAME,

	/** The maddy program could not be started, or sudo did not find it. */
	NOT_INSTALLED,

	/** sudo or the file system refused (wrong user, missing sudoers rule). */
	PERMISSION_DENIED,

	/** maddy could not read or parse its configuration. */
	CONFIG_INVALID,

	/** The call did not finish in time and was killed. */
	TIMED_OUT,

	/** Any other failure; maddy's message says more. */
	FAILED;

	/**
	 * The message key that explains this error in plain words.
	 * @return e.g. {@code maddy.error.already-exists}
	 */
	public String messageKey() {
		return "maddy.error." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
