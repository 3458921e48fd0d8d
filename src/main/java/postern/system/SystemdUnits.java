package postern.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import postern.PosternProperties;
import postern.host.CommandKind;
import postern.host.CommandResult;
import postern.host.HostException;

import org.springframework.stereotype.Service;

/**
 * Asks systemd about the managed units, and reloads or restarts them, on the current
 * host.
 */
@Service
public class SystemdUnits {

	private static final Logger logger = LoggerFactory.getLogger(SystemdUnits.class);

	private final SystemCommands commands;

	private final PosternProperties.Units units;

	SystemdUnits(SystemCommands commands, PosternProperties properties) {
		this.commands = commands;
		this.units = properties.units();
	}

	/**
	 * The status of a managed server's unit, with the command that read it.
	 * @param unit the server
	 * @return the status of its unit (named by {@code postern.units.*})
	 */
	public Reading<UnitStatus> read(ServiceUnit unit) {
		return read(unit.unitName(this.units));
	}

	/**
	 * The status of a unit.
	 * @param unit a unit name, e.g. {@code caddy.service}
	 * @return its status; {@link UnitStatus#unknown(String) unknown} when systemctl could
	 * not be run or failed
	 */
	public UnitStatus status(String unit) {
		return read(unit).value();
	}

	/**
	 * The status of a unit, with the command that read it.
	 * @param unit a unit name, e.g. {@code caddy.service}
	 * @return the status, {@link UnitStatus#unknown(String) unknown} when the command
	 * failed, was killed at its timeout or could not run
	 */
	public Reading<UnitStatus> read(String unit) {
		CommandOutcome outcome = this.commands.read(CommandKind.SYSTEMCTL_SHOW, unit);
		if (!outcome.ok()) {
			logger.info("{} failed (exit {}{}): {}", outcome.command(), outcome.exitCode(),
					outcome.timedOut() ? ", killed at its timeout" : "", outcome.stderr().strip());
			return new Reading<>(UnitStatus.unknown(unit), outcome);
		}
		return new Reading<>(UnitStatus.parse(unit, outcome.stdout()), outcome);
	}

	/**
	 * Reload a unit: {@code systemctl reload <unit>}.
	 * @param unit a unit name, e.g. {@code caddy.service}
	 * @return what systemctl said; its exit code tells whether the reload took
	 * @throws HostException when systemctl cannot be run
	 */
	public CommandResult reload(String unit) {
		return this.commands.run(CommandKind.SYSTEMCTL_RELOAD, unit);
	}

	/**
	 * Restart a unit: {@code systemctl restart <unit>}.
	 * @param unit a unit name, e.g. {@code maddy.service}
	 * @return what systemctl said; its exit code tells whether the restart took
	 * @throws HostException when systemctl cannot be run
	 */
	public CommandResult restart(String unit) {
		return this.commands.run(CommandKind.SYSTEMCTL_RESTART, unit);
	}

}
