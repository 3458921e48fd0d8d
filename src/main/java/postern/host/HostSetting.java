package postern.host;

import java.util.Locale;

/**
 * A setting a remote host may have of its own, in place of the application's: where
 * maddy's and Caddy's files and binaries are on that server, its units, its prefixes and
 * its backups folder. Each has the key of the application setting it replaces.
 */
public enum HostSetting {

	/** {@code postern.maddy.binary}. */
	MADDY_BINARY("maddy.binary", Shape.PATH),

	/** {@code postern.maddy.config}. */
	MADDY_CONFIG("maddy.config", Shape.PATH),

	/** {@code postern.maddy.aliases}. */
	MADDY_ALIASES("maddy.aliases", Shape.PATH),

	/** {@code postern.maddy.state-dir}. */
	MADDY_STATE_DIR("maddy.state-dir", Shape.PATH),

	/** {@code postern.maddy.cert-dir}. */
	MADDY_CERT_DIR("maddy.cert-dir", Shape.PATH),

	/** {@code postern.maddy.command-prefix}. */
	MADDY_PREFIX("maddy.command-prefix", Shape.PREFIX),

	/** {@code postern.maddy.environment}. */
	MADDY_ENVIRONMENT("maddy.environment", Shape.ENVIRONMENT),

	/** {@code postern.caddy.binary}. */
	CADDY_BINARY("caddy.binary", Shape.PATH),

	/** {@code postern.caddy.caddyfile}. */
	CADDYFILE("caddy.caddyfile", Shape.PATH),

	/** {@code postern.caddy.web-root}. */
	CADDY_WEB_ROOT("caddy.web-root", Shape.PATH),

	/** {@code postern.caddy.data-dir}. */
	CADDY_DATA_DIR("caddy.data-dir", Shape.PATH),

	/** {@code postern.caddy.reload}: {@code systemctl} or {@code caddy-cli} only. */
	CADDY_RELOAD("caddy.reload", Shape.RELOAD),

	/** {@code postern.units.caddy}. */
	CADDY_UNIT("units.caddy", Shape.UNIT),

	/** {@code postern.units.maddy}. */
	MADDY_UNIT("units.maddy", Shape.UNIT),

	/** {@code postern.systemctl.command-prefix}, the host's sudo prefix. */
	SYSTEM_PREFIX("systemctl.command-prefix", Shape.PREFIX),

	/** {@code postern.backups.dir}. */
	BACKUPS_DIR("backups.dir", Shape.PATH);

	private final String key;

	private final Shape shape;

	HostSetting(String key, Shape shape) {
		this.key = key;
		this.shape = shape;
	}

	/**
	 * The application setting this one replaces.
	 * @return e.g. {@code postern.maddy.binary}
	 */
	public String key() {
		return "postern." + this.key;
	}

	public Shape shape() {
		return this.shape;
	}

	/**
	 * The name of the value in messages and forms.
	 * @return e.g. {@code maddy-binary}
	 */
	public String id() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * What kind of value a setting holds.
	 */
	public enum Shape {

		/** An absolute, normalised path on the host. */
		PATH,

		/** Words put before a program, space-separated; empty for none. */
		PREFIX,

		/** {@code NAME=value} pairs, space-separated. */
		ENVIRONMENT,

		/** A systemd unit name. */
		UNIT,

		/** A Caddy reload strategy a remote host can run itself. */
		RELOAD

	}

}
