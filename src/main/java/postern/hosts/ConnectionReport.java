package postern.hosts;

/**
 * What testing a remote host's connection found.
 *
 * @param uname the remote {@code uname -a}, or {@code null} when it could not run
 * @param maddyFound whether {@code postern.maddy.binary} is an executable there
 * @param caddyFound whether {@code postern.caddy.binary} is an executable there
 * @param error why the test failed (no connection, refused host key), or {@code null}
 */
public record ConnectionReport(String uname, boolean maddyFound, boolean caddyFound, String error) {

	static ConnectionReport failed(String error) {
		return new ConnectionReport(null, false, false, error);
	}

	public boolean ok() {
		return this.error == null;
	}

}
