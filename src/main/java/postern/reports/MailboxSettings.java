package postern.reports;

/**
 * Where the reports mailbox is and how to log in to it.
 *
 * @param host the IMAP server
 * @param port its IMAPS port
 * @param username the login, an address
 * @param password the password
 * @param folder the folder reports arrive in
 * @param serverName the name the server's certificate must carry
 */
public record MailboxSettings(String host, int port, String username, String password, String folder,
		String serverName) {

	/**
	 * Whether the mailbox can be read: a host, a user and a password.
	 * @return whether it is set
	 */
	public boolean isSet() {
		return present(this.host) && present(this.username) && present(this.password);
	}

	/**
	 * The address reports are sent to: the login, since maddy's logins are addresses.
	 * @return the address, or empty when the login is not an address
	 */
	public java.util.Optional<String> address() {
		return (present(this.username) && this.username.matches("[^@\\s]+@[^@\\s]+"))
				? java.util.Optional.of(this.username) : java.util.Optional.empty();
	}

	/**
	 * The name the certificate must carry.
	 * @return the server name, else the host
	 */
	public String certificateName() {
		return present(this.serverName) ? this.serverName : this.host;
	}

	private static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	@Override
	public String toString() {
		// the password never reaches a log line through this record
		return "MailboxSettings[" + this.username + "@" + this.host + ":" + this.port + "/" + this.folder + "]";
	}

}
