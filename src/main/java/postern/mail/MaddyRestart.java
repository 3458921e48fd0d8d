package postern.mail;

import java.nio.file.Path;

import postern.PosternProperties;
import postern.change.ChangeReloader;
import postern.change.ManagedFileHandler;
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
class MaddyRestart extends ManagedFileHandler implements ChangeReloader {

	static final String ID = "maddy";

	private final SystemdUnits units;

	MaddyRestart(SystemdUnits units, PosternProperties properties) {
		super(ID, properties);
		this.units = units;
	}

	@Override
	protected Path file(ServerSettings settings) {
		return settings.maddy().config();
	}

	@Override
	public ReloadResult reload(Host host) {
		return this.units.restartAndCheck(host, settings(host).units().maddy());
	}

}
