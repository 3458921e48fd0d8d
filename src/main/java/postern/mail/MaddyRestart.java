package postern.mail;

import java.nio.file.Path;

import postern.PosternProperties;
import postern.change.ChangeReloader;
import postern.change.ReloadResult;
import postern.host.Host;
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

	private final String unit;

	private final Path config;

	MaddyRestart(SystemdUnits units, PosternProperties properties) {
		this.units = units;
		this.unit = properties.units().maddy();
		this.config = properties.maddy().config();
	}

	@Override
	public String id() {
		return ID;
	}

	@Override
	public boolean handles(Path path) {
		return this.config.equals(path);
	}

	@Override
	public ReloadResult reload(Host host) {
		return this.units.restartAndCheck(host, this.unit);
	}

}
