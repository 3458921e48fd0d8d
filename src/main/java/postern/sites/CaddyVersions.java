package postern.sites;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import postern.host.CommandCatalogue;
import postern.host.CommandKind;
import postern.host.CommandResult;
import postern.host.Host;
import postern.host.HostException;

import org.springframework.stereotype.Component;

/**
 * What the installed Caddy accepts, from {@code caddy version}, asked once per host.
 * Caddy 2.8 renamed {@code basicauth} to {@code basic_auth}; older versions know only the
 * first spelling, newer ones read both.
 */
@Component
class CaddyVersions {

	static final String OLD_BASIC_AUTH = "basicauth";

	static final String NEW_BASIC_AUTH = "basic_auth";

	private static final Logger logger = LoggerFactory.getLogger(CaddyVersions.class);

	private static final Pattern VERSION = Pattern.compile("v?(\\d+)\\.(\\d+)");

	private final CommandCatalogue catalogue;

	private final Map<String, String> basicAuth = new ConcurrentHashMap<>();

	CaddyVersions(CommandCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	/**
	 * The basic-auth directive to write for a host's Caddy.
	 * @param host the host
	 * @return {@code basic_auth} for Caddy 2.8 and later, else (or when the version is
	 * unknown) {@code basicauth}
	 */
	String basicAuthDirective(Host host) {
		String known = this.basicAuth.get(host.name());
		if (known != null) {
			return known;
		}
		try {
			CommandResult result = host.run(this.catalogue.command(CommandKind.CADDY_VERSION));
			if (result.succeeded()) {
				String directive = basicAuthDirective(result.stdout());
				this.basicAuth.put(host.name(), directive);
				return directive;
			}
			logger.info("caddy version failed with exit code {}; writing {}", result.exitCode(), OLD_BASIC_AUTH);
		}
		catch (HostException ex) {
			logger.info("Could not run caddy version: {}; writing {}", ex.getMessage(), OLD_BASIC_AUTH);
		}
		return OLD_BASIC_AUTH;
	}

	/**
	 * The basic-auth directive for the output of {@code caddy version}.
	 * @param versionOutput e.g. {@code 2.6.2} or {@code v2.9.1 h1:abc=}
	 * @return the directive that version reads
	 */
	static String basicAuthDirective(String versionOutput) {
		Matcher matcher = VERSION.matcher(versionOutput.strip());
		if (!matcher.lookingAt()) {
			return OLD_BASIC_AUTH;
		}
		int major = Integer.parseInt(matcher.group(1));
		int minor = Integer.parseInt(matcher.group(2));
		return (major > 2 || (major == 2 && minor >= 8)) ? NEW_BASIC_AUTH : OLD_BASIC_AUTH;
	}

}
