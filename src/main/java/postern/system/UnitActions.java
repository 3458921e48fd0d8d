package postern.system;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import postern.audit.AuditLog;
import postern.change.ChangeReloader;
import postern.change.ReloadResult;
import postern.host.CommandKind;
import postern.host.HostException;
import postern.host.Hosts;

import org.springframework.stereotype.Service;

/**
 * The Reload and Restart buttons: runs them, audits them and remembers the last one per
 * unit so its output can be shown. Caddy's reload goes through the change pipeline's
 * {@code caddy} reloader when there is one, so it follows {@code postern.caddy.reload}
 * exactly as an applied change does; otherwise it is {@code systemctl reload}.
 */
@Service
public class UnitActions {

	/** The id of the change pipeline's Caddy reloader. */
	static final String CADDY_RELOADER = "caddy";

	private final SystemCommands commands;

	private final Optional<ChangeReloader> caddyReloader;

	private final Hosts hosts;

	private final AuditLog auditLog;

	private final Clock clock;

	private final Map<String, UnitAction> last = new ConcurrentHashMap<>();

	UnitActions(SystemCommands commands, List<ChangeReloader> reloaders, Hosts hosts, AuditLog auditLog,
			Optional<Clock> clock) {
		this.commands = commands;
		this.caddyReloader = reloaders.stream().filter((reloader) -> CADDY_RELOADER.equals(reloader.id())).findFirst();
		this.hosts = hosts;
		this.auditLog = auditLog;
		this.clock = clock.orElseGet(Clock::systemUTC);
	}

	/**
	 * Reload a unit.
	 * @param unit the server
	 * @return what happened
	 */
	public UnitAction reload(ServiceUnit unit) {
		String unitName = unit.unitName(this.commands.settings().units());
		UnitAction action;
		if (unit == ServiceUnit.CADDY && this.caddyReloader.isPresent()) {
			action = reloadCaddy(unitName, this.caddyReloader.get());
		}
		else {
			action = UnitAction.of(unit, unitName, UnitAction.RELOAD,
					this.commands.act(CommandKind.SYSTEMCTL_RELOAD, unitName), this.clock.instant());
		}
		return done(action);
	}

	/**
	 * Restart a unit. For maddy this drops open IMAP sessions: the page asks first.
	 * @param unit the server
	 * @return what happened
	 */
	public UnitAction restart(ServiceUnit unit) {
		String unitName = unit.unitName(this.commands.settings().units());
		return done(UnitAction.of(unit, unitName, UnitAction.RESTART,
				this.commands.act(CommandKind.SYSTEMCTL_RESTART, unitName), this.clock.instant()));
	}

	/**
	 * The last reload or restart of a unit since Postern started, on any host.
	 * @param unit the server
	 * @return the action, or empty when there was none on the current host
	 */
	public Optional<UnitAction> last(ServiceUnit unit) {
		return Optional.ofNullable(this.last.get(key(unit)));
	}

	private UnitAction reloadCaddy(String unitName, ChangeReloader reloader) {
		String command = "caddy reload (postern.caddy.reload="
				+ this.commands.settings().caddy().reload().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
				+ ")";
		ReloadResult result;
		try {
			result = reloader.reload(this.hosts.current());
		}
		catch (HostException ex) {
			result = ReloadResult.failed(ex.getMessage());
		}
		return new UnitAction(ServiceUnit.CADDY, unitName, UnitAction.RELOAD, command, result.ok(), null,
				result.output().stripTrailing(), false, this.clock.instant());
	}

	private UnitAction done(UnitAction action) {
		this.last.put(key(action.unit()), action);
		this.auditLog.record("service." + action.verb(), action.unitName(), action.ok(), action.auditDetail());
		return action;
	}

	private String key(ServiceUnit unit) {
		return this.hosts.current().name() + " " + unit.id();
	}

}
