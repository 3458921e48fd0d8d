package postern.sites;

import java.util.Map;

import postern.PosternProperties;
import postern.host.HostException;
import postern.host.Hosts;
import postern.system.ServiceUnit;
import postern.system.UnitFacts;

import org.springframework.stereotype.Component;

/**
 * Caddy's card on the services page names the admin endpoint its reloads go to, and
 * whether the Caddyfile chose it.
 */
@Component
class CaddyAdminFacts implements UnitFacts {

	private final Hosts hosts;

	private final PosternProperties properties;

	CaddyAdminFacts(Hosts hosts, PosternProperties properties) {
		this.hosts = hosts;
		this.properties = properties;
	}

	@Override
	public Map<String, String> facts(ServiceUnit unit) {
		if (unit != ServiceUnit.CADDY) {
			return Map.of();
		}
		try {
			CaddyAdminAddress address = CaddyAdminAddress.of(this.hosts.current(), this.properties);
			return Map.of(address.fromCaddyfile() ? "services.caddy.admin.file" : "services.caddy.admin",
					address.describe());
		}
		catch (HostException ex) {
			// The card shows the unit without it; the Caddyfile's own page says what is
			// wrong
			return Map.of();
		}
	}

}
