package postern.host;

/**
 * The programs Postern runs. The {@link CommandCatalogue} knows where each one is and
 * which prefix (such as {@code sudo -n -u maddy}) it runs under.
 */
public enum Program {

	/**
	 * maddy's CLI, at {@code postern.maddy.binary}, under
	 * {@code postern.maddy.command-prefix}.
	 */
	MADDY,

	/** Caddy's CLI, at {@code postern.caddy.binary}, run as Postern's own user. */
	CADDY,

	/** {@code systemctl}, under {@code postern.systemctl.command-prefix}. */
	SYSTEMCTL,

	/** {@code journalctl}, under {@code postern.systemctl.command-prefix}. */
	JOURNALCTL,

	/** {@code fail2ban-client}, under {@code postern.systemctl.command-prefix}. */
	FAIL2BAN_CLIENT,

	/** {@code ufw}, under {@code postern.systemctl.command-prefix}. */
	UFW,

	/** {@code ip} of iproute2, run as Postern's own user. */
	IP,

	/** {@code uname}, run as Postern's own user. */
	UNAME,

	/** The POSIX shell, only with the fixed scripts of the catalogue. */
	SH,

	/** {@code getent}, to name the owners of remote files. */
	GETENT

}
