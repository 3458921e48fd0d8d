package postern.sites;

import java.util.Map;

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

	private final CaddyReloader reloader;

	CaddyAdminFacts(Hosts hosts, CaddyReloader reloader) {
		this.hosts = hosts;
		this.reloader = reloader;
	}

	@Override
	public Map<String, String> facts(ServiceUnit unit) {
		if (unit != ServiceUnit.CADDY) {
			return Map.of();
		}
		try {
			CaddyAdminAddress address = this.reloader.adminAddress(this.hosts.current());
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
