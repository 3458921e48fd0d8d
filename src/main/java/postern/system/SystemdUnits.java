package postern.system;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import postern.change.ReloadResult;
import postern.host.CommandKind;
import postern.host.CommandResult;
import postern.host.Host;
import postern.host.HostException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Asks systemd about the managed units on the current host, and reloads or restarts them
 * on the host a change is applied on. A status is read again after {@link #FRESH} or
 * after an action, not on every page that shows it.
 */
@Service
public class SystemdUnits {

	private static final Logger logger = LoggerFactory.getLogger(SystemdUnits.class);

	/**
	 * How long a unit's status is shown again without asking systemd: the dashboard and
	 * the services page ask on every view, and starting {@code systemctl} costs far more
	 * than the page around it.
	 */
	static final Duration FRESH = RecentReadings.FRESH;

	private final SystemCommands commands;

	/**
	 * The last status read of each unit, by host and unit name.
	 */
	private final RecentReadings<Reading<UnitStatus>> recent;

	@Autowired
	SystemdUnits(SystemCommands commands) {
		this(commands, System::nanoTime);
	}

	SystemdUnits(SystemCommands commands, LongSupplier nanoTime) {
		this.commands = commands;
		this.recent = new RecentReadings<>(commands, nanoTime);
	}

	/**
	 * The status of a managed server's unit, with the command that read it.
	 * @param unit the server
	 * @return the status of its unit (named by {@code postern.units.*} or the current
	 * host's own setting)
	 */
	public Reading<UnitStatus> read(ServiceUnit unit) {
		return read(unit.unitName(this.commands.settings().units()));
	}

	/**
	 * The status of a unit, with the command that read it. A status read less than
	 * {@link #FRESH} ago on the same host is shown again, unless a command that changes
	 * something (a reload, a restart) was started since.
	 * @param unit a unit name, e.g. {@code caddy.service}
	 * @return the status, {@link UnitStatus#unknown(String) unknown} when the command
	 * failed, was killed at its timeout or could not run
	 */
	public Reading<UnitStatus> read(String unit) {
		Host host = this.commands.host();
		return this.recent
			.get(host.name() + "\n" + unit,
					() -> read(this.commands.read(host, CommandKind.SYSTEMCTL_SHOW, unit), unit))
			.value();
	}

	private Reading<UnitStatus> read(CommandOutcome outcome, String unit) {
		if (!outcome.ok()) {
			logger.info("{} failed (exit {}{}): {}", outcome.command(), outcome.exitCode(),
					outcome.timedOut() ? ", killed at its timeout" : "", outcome.stderr().strip());
			return new Reading<>(UnitStatus.unknown(unit), outcome);
		}
		return new Reading<>(UnitStatus.parse(unit, outcome.stdout()), outcome);
	}

	/**
	 * Reload a unit, then check that it is active: how a change makes Caddy take its new
	 * Caddyfile with the {@code systemctl} strategy.
	 * @param host the host the change is applied on
	 * @param unit a unit name, e.g. {@code caddy.service}
	 * @return whether it took, with what systemctl said and the unit's state
	 */
	public ReloadResult reloadAndCheck(Host host, String unit) {
		return actAndCheck(host, CommandKind.SYSTEMCTL_RELOAD, "reload", unit);
	}

	/**
	 * Restart a unit, then check that it is active: how a change makes maddy read its new
	 * maddy.conf.
	 * @param host the host the change is applied on
	 * @param unit a unit name, e.g. {@code maddy.service}
	 * @return whether it took, with what systemctl said and the unit's state
	 */
	public ReloadResult restartAndCheck(Host host, String unit) {
		return actAndCheck(host, CommandKind.SYSTEMCTL_RESTART, "restart", unit);
	}

	private ReloadResult actAndCheck(Host host, CommandKind kind, String verb, String unit) {
		try {
			CommandResult result = this.commands.run(host, kind, unit);
			String output = "systemctl " + verb + " " + unit + ": "
					+ (result.timedOut() ? "timed out" : "exit code " + result.exitCode());
			String said = (result.stdout() + "\n" + result.stderr()).strip();
			if (!said.isEmpty()) {
				output += "\n" + said;
			}
			if (!result.succeeded()) {
				return ReloadResult.failed(output);
			}
			UnitStatus status = read(this.commands.read(host, CommandKind.SYSTEMCTL_SHOW, unit), unit).value();
			output += "\n" + unit + " is " + status.activeState() + " (" + status.subState() + ")";
			return "active".equals(status.activeState()) ? ReloadResult.succeeded(output) : ReloadResult.failed(output);
		}
		catch (HostException ex) {
			return ReloadResult.failed(ex.getMessage());
		}
	}

}
