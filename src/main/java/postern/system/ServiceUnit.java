package postern.system;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import postern.PosternProperties;

/**
 * The two servers whose systemd units Postern manages, as they appear in URLs
 * ({@code /services/caddy}).
 */
public enum ServiceUnit {

	/** Caddy, the web server. */
	CADDY,

	/** maddy, the mail server. */
	MADDY;

	/**
	 * The name used in URLs.
	 * @return {@code caddy} or {@code maddy}
	 */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The message key of the server's name.
	 * @return e.g. {@code services.unit.caddy}
	 */
	public String labelKey() {
		return "services.unit." + id();
	}

	/**
	 * The setting that names the unit.
	 * @return e.g. {@code postern.units.caddy}
	 */
	public String setting() {
		return "postern.units." + id();
	}

	/**
	 * The systemd unit of this server.
	 * @param units the settings
	 * @return e.g. {@code caddy.service}
	 */
	public String unitName(PosternProperties.Units units) {
		return (this == CADDY) ? units.caddy() : units.maddy();
	}

	/**
	 * The unit named in a URL.
	 * @param id {@code caddy} or {@code maddy}
	 * @return the unit, or empty for any other value
	 */
	public static Optional<ServiceUnit> fromId(String id) {
		return Arrays.stream(values()).filter((unit) -> unit.id().equals(id)).findFirst();
	}

}
