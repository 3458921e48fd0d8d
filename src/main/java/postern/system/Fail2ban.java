package postern.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import postern.audit.AuditLog;
import postern.host.Argument;
import postern.host.CommandKind;
import postern.system.Fail2banStatus.State;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * fail2ban, through {@code fail2ban-client}: its jails and bans, and unbanning an
 * address. The jails are read again after {@link RecentReadings#FRESH} or after an
 * action, not on every view: reading them starts one program for the list and one for
 * each jail.
 */
@Service
public class Fail2ban {

	private final SystemCommands commands;

	private final AuditLog auditLog;

	/** The last status read on each host. */
	private final RecentReadings<Fail2banStatus> recent;

	@Autowired
	Fail2ban(SystemCommands commands, AuditLog auditLog) {
		this(commands, auditLog, System::nanoTime);
	}

	Fail2ban(SystemCommands commands, AuditLog auditLog, LongSupplier nanoTime) {
		this.commands = commands;
		this.auditLog = auditLog;
		this.recent = new RecentReadings<>(commands, nanoTime);
	}

	/**
	 * Every jail with its counters and banned addresses.
	 * @return the jails, or the state that kept them from being read
	 */
	public Fail2banStatus status() {
		return recentStatus().value();
	}

	/**
	 * Every jail with its counters and banned addresses, as read less than
	 * {@link RecentReadings#FRESH} ago on the current host unless an action (an unban)
	 * was started since.
	 * @return the jails, or the state that kept them from being read, with their age
	 */
	public Recent<Fail2banStatus> recentStatus() {
		return this.recent.get(this.commands.host().name(), this::read);
	}

	private Fail2banStatus read() {
		CommandOutcome list = this.commands.read(CommandKind.FAIL2BAN_STATUS);
		if (!list.ok()) {
			return new Fail2banStatus(state(list), List.of(), list);
		}
		List<JailStatus> jails = new ArrayList<>();
		for (String jail : JailStatus.parseJailList(list.stdout())) {
			if (!Argument.JAIL.accepts(jail)) {
				continue;
			}
			CommandOutcome status = this.commands.read(CommandKind.FAIL2BAN_JAIL_STATUS, jail);
			if (!status.ok()) {
				return new Fail2banStatus(state(status), jails, status);
			}
			jails.add(JailStatus.parse(jail, status.stdout()));
		}
		return new Fail2banStatus(State.RUNNING, jails, list);
	}

	/**
	 * Whether fail2ban runs a jail of that name now: a name of the right shape that is
	 * not a jail would still reach {@code fail2ban-client}.
	 * @param jail a jail name from a request
	 * @return {@code true} when fail2ban lists it
	 */
	public boolean isJail(String jail) {
		if (!Argument.JAIL.accepts(jail)) {
			return false;
		}
		CommandOutcome list = this.commands.read(CommandKind.FAIL2BAN_STATUS);
		return list.ok() && JailStatus.parseJailList(list.stdout()).contains(jail);
	}

	/**
	 * Lift the ban of an address in a jail.
	 * @param jail the jail
	 * @param ip the address
	 * @return what fail2ban-client did
	 * @throws IllegalArgumentException when the jail or the address has not their shape
	 */
	public CommandOutcome unban(String jail, String ip) {
		CommandOutcome outcome = this.commands.act(CommandKind.FAIL2BAN_UNBAN, jail, ip);
		this.auditLog.record("fail2ban.unban", ip + " in " + jail, outcome.ok(),
				outcome.command() + "\nexit " + outcome.exitCode() + "\n" + outcome.output());
		return outcome;
	}

	/**
	 * Whether a value can be unbanned: a jail name and an address of the right shape.
	 * @param jail the jail from the URL
	 * @param ip the address from the form
	 * @return {@code true} when both may go into the command
	 */
	public static boolean valid(String jail, String ip) {
		return Argument.JAIL.accepts(jail) && Argument.IP_ADDRESS.accepts(ip);
	}

	static State state(CommandOutcome outcome) {
		String said = outcome.output();
		if (!outcome.started() || said.contains("command not found") || said.contains("No such file or directory")) {
			return State.NOT_INSTALLED;
		}
		if (said.contains("fail2ban.sock") || said.contains("Is fail2ban running?")) {
			return State.NOT_RUNNING;
		}
		return State.FAILED;
	}

}
