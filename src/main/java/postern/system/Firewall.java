package postern.system;

import java.util.List;
import java.util.function.LongSupplier;

import postern.PosternProperties;
import postern.host.CommandKind;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The firewall, read-only: {@code ufw status verbose}, and the ports the server needs
 * that it does not let in (SMTP, submission, IMAPS, HTTPS, SSH). The status is read again
 * after {@link RecentReadings#FRESH} or after an action, not on every view.
 */
@Service
public class Firewall {

	private final SystemCommands commands;

	private final List<Integer> neededPorts;

	/** The last report read on each host. */
	private final RecentReadings<FirewallReport> recent;

	@Autowired
	Firewall(SystemCommands commands, PosternProperties properties) {
		this(commands, properties, System::nanoTime);
	}

	Firewall(SystemCommands commands, PosternProperties properties, LongSupplier nanoTime) {
		this.commands = commands;
		this.recent = new RecentReadings<>(commands, nanoTime);
		PosternProperties.Ports ports = properties.health().ports();
		this.neededPorts = List.of(ports.smtp(), ports.smtps(), ports.submission(), ports.imaps(), ports.https(),
				properties.server().sshPort());
	}

	/**
	 * The firewall's state and the needed ports it keeps closed.
	 * @return the report
	 */
	public FirewallReport report() {
		return recentReport().value();
	}

	/**
	 * The firewall's state and the needed ports it keeps closed, as read less than
	 * {@link RecentReadings#FRESH} ago on the current host unless an action was started
	 * since.
	 * @return the report, with its age
	 */
	public Recent<FirewallReport> recentReport() {
		return this.recent.get(this.commands.host().name(), this::read);
	}

	private FirewallReport read() {
		CommandOutcome outcome = this.commands.read(CommandKind.UFW_STATUS);
		if (!outcome.ok()) {
			return new FirewallReport(null, List.of(), outcome);
		}
		FirewallStatus status = FirewallStatus.parse(outcome.stdout());
		return new FirewallReport(status, status.closedPorts(this.neededPorts), outcome);
	}

	/**
	 * The ports the server needs open.
	 * @return SMTP, SMTPS, submission, IMAPS, HTTPS and SSH
	 */
	public List<Integer> neededPorts() {
		return this.neededPorts;
	}

}
