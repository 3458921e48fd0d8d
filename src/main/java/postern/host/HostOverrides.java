package postern.host;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import postern.PosternProperties;
import postern.PosternProperties.CaddyReload;

/**
 * Settings one managed host has of its own, in place of the application's: where maddy's
 * and Caddy's binaries and files are on that server, its units, its prefixes, its backups
 * folder. Each server has its own layout, sudoers rules and remote user.
 * <p>
 * Values are kept as the admin's form wrote them, already checked: paths absolute and
 * normalised, prefixes space-separated words (empty for none), units as systemd names,
 * the reload strategy as {@code systemctl} or {@code caddy-cli}. A setting that is not
 * there keeps the application's.
 *
 * @param values the overridden settings
 */
public record HostOverrides(Map<HostSetting, String> values) {

	/** No override: the host runs with the application's settings. */
	public static final HostOverrides NONE = new HostOverrides(Map.of());

	public HostOverrides {
		EnumMap<HostSetting, String> copy = new EnumMap<>(HostSetting.class);
		values.forEach((setting, value) -> {
			if (value != null) {
				copy.put(setting, value);
			}
		});
		values = Collections.unmodifiableMap(copy);
	}

	/**
	 * The value a host has for one setting.
	 * @param setting the setting
	 * @return the host's own value, or empty when it keeps the application's
	 */
	public Optional<String> get(HostSetting setting) {
		return Optional.ofNullable(this.values.get(setting));
	}

	/**
	 * The settings this host overrides, for the hosts list.
	 * @return the settings, in the order of {@link HostSetting}
	 */
	public List<HostSetting> overridden() {
		return List.copyOf(this.values.keySet());
	}

	/**
	 * This host's settings: its own values over the application's.
	 * @param application the application's settings
	 * @return the effective settings, marked as those of a remote host
	 */
	public ServerSettings applyTo(ServerSettings application) {
		PosternProperties.Maddy maddy = application.maddy();
		PosternProperties.Caddy caddy = application.caddy();
		PosternProperties.Units units = application.units();
		PosternProperties.Backups backups = application.backups();
		return new ServerSettings(new PosternProperties.Maddy(path(HostSetting.MADDY_BINARY, maddy.binary()),
				path(HostSetting.MADDY_CONFIG, maddy.config()), path(HostSetting.MADDY_ALIASES, maddy.aliases()),
				path(HostSetting.MADDY_STATE_DIR, maddy.stateDir()), path(HostSetting.MADDY_CERT_DIR, maddy.certDir()),
				words(HostSetting.MADDY_PREFIX).orElse(maddy.commandPrefix()),
				words(HostSetting.MADDY_ENVIRONMENT).orElse(maddy.environment())),
				new PosternProperties.Caddy(path(HostSetting.CADDY_BINARY, caddy.binary()),
						path(HostSetting.CADDYFILE, caddy.caddyfile()),
						path(HostSetting.CADDY_WEB_ROOT, caddy.webRoot()),
						path(HostSetting.CADDY_DATA_DIR, caddy.dataDir()),
						get(HostSetting.CADDY_RELOAD).map(HostOverrides::reload).orElse(caddy.reload()),
						caddy.adminUrl(), caddy.environment()),
				new PosternProperties.Units(get(HostSetting.CADDY_UNIT).orElse(units.caddy()),
						get(HostSetting.MADDY_UNIT).orElse(units.maddy())),
				words(HostSetting.SYSTEM_PREFIX).orElse(application.systemPrefix()),
				(backups != null) ? backups(backups) : null, true);
	}

	/**
	 * The backups settings of this host.
	 * @param application the application's
	 * @return the same, with this host's folder when it has one
	 */
	public PosternProperties.Backups backups(PosternProperties.Backups application) {
		return new PosternProperties.Backups(path(HostSetting.BACKUPS_DIR, application.dir()), application.keep());
	}

	/**
	 * The command as this host runs it. The catalogue builds every command with the
	 * application's prefix and executable; a host with its own puts them in their place.
	 * @param command a command of the catalogue
	 * @return the same command, with this host's prefix and executable for its program
	 */
	Command apply(Command command) {
		if (command.kind() == null) {
			return command;
		}
		return switch (command.kind().program()) {
			case MADDY -> command.withProgram(words(HostSetting.MADDY_PREFIX).orElse(null),
					get(HostSetting.MADDY_BINARY).orElse(null));
			case CADDY -> command.withProgram(null, get(HostSetting.CADDY_BINARY).orElse(null));
			case SYSTEMCTL, JOURNALCTL, FAIL2BAN_CLIENT, UFW ->
				command.withProgram(words(HostSetting.SYSTEM_PREFIX).orElse(null), null);
			case IP, UNAME, SH, GETENT -> command;
		};
	}

	private Path path(HostSetting setting, Path application) {
		return get(setting).map(Path::of).orElse(application);
	}

	private Optional<List<String>> words(HostSetting setting) {
		return get(setting).map(HostOverrides::words);
	}

	/**
	 * The words of a prefix as stored.
	 * @param value space-separated words, or an empty text for none
	 * @return the words
	 */
	public static List<String> words(String value) {
		return value.isBlank() ? List.of() : List.of(value.strip().split(" +"));
	}

	/**
	 * The strategy a stored value names.
	 * @param value {@code systemctl} or {@code caddy-cli}
	 * @return the strategy
	 */
	static CaddyReload reload(String value) {
		return switch (value) {
			case "systemctl" -> CaddyReload.SYSTEMCTL;
			case "caddy-cli" -> CaddyReload.CADDY_CLI;
			default -> throw new IllegalArgumentException("Not a reload strategy of a remote host: " + value);
		};
	}

}
