package postern.host;

/**
 * A server offered a host key Postern was not told to trust: either no fingerprint was
 * confirmed for it yet, or it differs from the confirmed one, which may mean someone is
 * intercepting the connection. Nothing was sent to the server.
 */
public class HostKeyException extends HostException {

	private final String offered;

	private final String expected;

	HostKeyException(String address, int port, String offered, String expected) {
		super(message(address, port, offered, expected));
		this.offered = offered;
		this.expected = expected;
	}

	private static String message(String address, int port, String offered, String expected) {
		if (expected == null) {
			return "The host key of " + address + ":" + port + " (" + offered
					+ ") has not been confirmed; confirm its fingerprint before connecting";
		}
		return "The host key of " + address + ":" + port + " changed: expected " + expected + " but the server offered "
				+ offered + ". Someone may be intercepting the connection; nothing was sent";
	}

	/**
	 * The fingerprint of the key the server offered.
	 * @return e.g. {@code SHA256:...}
	 */
	public String getOffered() {
		return this.offered;
	}

	/**
	 * The confirmed fingerprint.
	 * @return e.g. {@code SHA256:...}, or {@code null} when none was confirmed
	 */
	public String getExpected() {
		return this.expected;
	}

}
