package postern.health;

import java.util.Locale;
import java.util.Optional;

import postern.names.DomainNames;
import postern.sites.SiteService;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the health checks learn from the Caddyfile: the MTA-STS policy Caddy serves for
 * each mail domain, and the sites whose certificate is probed on port 443.
 */
@Configuration(proxyBeanMethods = false)
class HealthSources {

	@Bean
	ServedMtaStsPolicies servedMtaStsPolicies(SiteService sites) {
		return sites::servedMtaStsPolicy;
	}

	@Bean
	ServedSites servedSites(SiteService sites) {
		return () -> sites.list()
			.stream()
			.flatMap((entry) -> entry.addresses().stream())
			.map(HealthSources::httpsHost)
			.flatMap(Optional::stream)
			.distinct()
			.toList();
	}

	/**
	 * The host name of a site address Caddy serves over HTTPS on port 443: a plain name,
	 * or one written with {@code https://} or {@code :443}. Plain HTTP, other ports,
	 * wildcards and snippets have no certificate to probe there.
	 */
	static Optional<String> httpsHost(String address) {
		String host = address.toLowerCase(Locale.ROOT);
		if (host.startsWith("https://")) {
			host = host.substring("https://".length());
		}
		if (host.endsWith(":443")) {
			host = host.substring(0, host.length() - ":443".length());
		}
		return DomainNames.isValidAscii(host) ? Optional.of(host) : Optional.empty();
	}

}
