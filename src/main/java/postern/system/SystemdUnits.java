package postern.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import postern.host.CommandCatalogue;
import postern.host.CommandKind;
import postern.host.CommandResult;
import postern.host.HostException;
import postern.host.Hosts;

import org.springframework.stereotype.Service;

/**
 * Asks systemd about the managed units, on the current host.
 */
@Service
public class SystemdUnits {

	private static final Logger logger = LoggerFactory.getLogger(SystemdUnits.class);

	private final Hosts hosts;

	private final CommandCatalogue catalogue;

	SystemdUnits(Hosts hosts, CommandCatalogue catalogue) {
		this.hosts = hosts;
		this.catalogue = catalogue;
	}

	/**
	 * The status of a unit.
	 * @param unit a unit name, e.g. {@code caddy.service}
	 * @return its status; {@link UnitStatus#unknown(String) unknown} when systemctl could
	 * not be run or failed
	 */
	public UnitStatus status(String unit) {
		try {
			CommandResult result = this.hosts.current().run(this.catalogue.command(CommandKind.SYSTEMCTL_SHOW, unit));
			if (!result.succeeded()) {
				logger.info("systemctl show {} failed with exit code {}: {}", unit, result.exitCode(),
						result.stderr().strip());
				return UnitStatus.unknown(unit);
			}
			return UnitStatus.parse(unit, result.stdout());
		}
		catch (HostException ex) {
			logger.info("Could not ask systemd about {}: {}", unit, ex.getMessage());
			return UnitStatus.unknown(unit);
		}
	}

	/**
	 * Reload a unit: {@code systemctl reload <unit>}.
	 * @param unit a unit name, e.g. {@code caddy.service}
	 * @return what systemctl said; its exit code tells whether the reload took
	 * @throws HostException when systemctl cannot be run
	 */
	public CommandResult reload(String unit) {
		return this.hosts.current().run(this.catalogue.command(CommandKind.SYSTEMCTL_RELOAD, unit));
	}

	/**
	 * Restart a unit: {@code systemctl restart <unit>}.
	 * @param unit a unit name, e.g. {@code maddy.service}
	 * @return what systemctl said; its exit code tells whether the restart took
	 * @throws HostException when systemctl cannot be run
	 */
	public CommandResult restart(String unit) {
		return this.hosts.current().run(this.catalogue.command(CommandKind.SYSTEMCTL_RESTART, unit));
	}

}
