package postern.host;

import java.util.List;

import postern.PosternProperties;

/**
 * The settings of one managed host: where maddy's and Caddy's binaries and files are, how
 * Caddy is reloaded, the units, the prefix of the system tools and the backups folder.
 * The machine Postern runs on has the application's; a remote host has its own
 * {@link HostOverrides} over them.
 *
 * @param maddy the mail server
 * @param caddy the web server
 * @param units the systemd units
 * @param systemPrefix the words before {@code systemctl}, {@code journalctl},
 * {@code fail2ban-client} and {@code ufw}
 * @param backups where backups of managed files are kept on the host
 * @param remote whether the host is reached over SSH: Caddy's admin API is then out of
 * Postern's reach
 */
public record ServerSettings(PosternProperties.Maddy maddy, PosternProperties.Caddy caddy,
		PosternProperties.Units units, List<String> systemPrefix, PosternProperties.Backups backups, boolean remote) {

	/**
	 * The settings of the machine Postern runs on.
	 * @param properties the application's settings
	 * @return the same, for the local host
	 */
	public static ServerSettings of(PosternProperties properties) {
		return new ServerSettings(properties.maddy(), properties.caddy(), properties.units(),
				(properties.systemctl() != null) ? properties.systemctl().commandPrefix() : null, properties.backups(),
				false);
	}

	/**
	 * The settings of a host.
	 * @param properties the application's settings
	 * @param host a managed host
	 * @return its own settings over the application's
	 */
	public static ServerSettings of(PosternProperties properties, Host host) {
		ServerSettings application = of(properties);
		ServerSettings own = host.settings(application);
		return (own != null) ? own : application;
	}

}
