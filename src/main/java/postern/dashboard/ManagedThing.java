package postern.dashboard;

import java.nio.file.Path;

import postern.hosts.ManagedPathsCheck;
import postern.hosts.ManagedPathsCheck.Thing;

/**
 * A managed file or folder as the dashboard shows it: what it is, where, whether Postern
 * can use it, the setting that names it and the command that fixes it.
 *
 * @param labelKey the message key of what it is
 * @param path where it is
 * @param problemKey the message key of what is wrong (or of "found")
 * @param ok whether nothing is wrong
 * @param setting the setting that names the path
 * @param fix the command an admin runs to fix it, or {@code null}
 */
public record ManagedThing(String labelKey, Path path, String problemKey, boolean ok, String setting, String fix) {

	static ManagedThing from(ManagedPathsCheck.Result result) {
		return new ManagedThing(result.thing().messageKey(), result.path(), result.problem().messageKey(), result.ok(),
				setting(result.thing()), result.fix());
	}

	private static String setting(Thing thing) {
		return switch (thing) {
			case MADDY_BINARY -> "postern.maddy.binary";
			case MADDY_CONFIG -> "postern.maddy.config";
			case MADDY_ALIASES -> "postern.maddy.aliases";
			case DKIM_KEYS -> "postern.maddy.state-dir";
			case MADDY_CERTS -> "postern.maddy.cert-dir";
			case CADDY_BINARY -> "postern.caddy.binary";
			case CADDYFILE -> "postern.caddy.caddyfile";
			case WEB_ROOT -> "postern.caddy.web-root";
			case BACKUPS -> "postern.backups.dir";
		};
	}

}
