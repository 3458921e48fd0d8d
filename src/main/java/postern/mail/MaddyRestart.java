package postern.mail;

import java.nio.file.Path;

import postern.PosternProperties;
import postern.change.ChangeReloader;
import postern.change.ReloadResult;
import postern.host.Host;
import postern.host.ServerSettings;
import postern.system.SystemdUnits;

import org.springframework.stereotype.Component;

/**
 * Restarts maddy after maddy.conf changed: maddy 0.7 and 0.8 read their configuration
 * only when they start (a reload re-reads the aliases and certificates, nothing more).
 * The restart took when the unit is active afterwards.
 */
@Component
class MaddyRestart implements ChangeReloader {

	static final String ID = "maddy";

	private final SystemdUnits units;

	private final PosternProperties properties;

	MaddyRestart(SystemdUnits units, PosternProperties properties) {
		this.units = units;
		this.properties = properties;
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public boolean handles(Host host, Path path) {
		return ServerSettings.of(this.properties, host).maddy().config().equals(path);
	}

	@Override
	public ReloadResult reload(Host host) {
		return this.units.restartAndCheck(host, ServerSettings.of(this.properties, host).units().maddy());
	}

}
