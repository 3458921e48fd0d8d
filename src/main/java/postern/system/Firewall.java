package postern.system;

import java.util.List;

import postern.PosternProperties;
import postern.host.CommandKind;

import org.springframework.stereotype.Service;

/**
 * The firewall, read-only: {@code ufw status verbose}, and the ports the server needs
 * that it does not let in (SMTP, submission, IMAPS, HTTPS, SSH).
 */
@Service
public class Firewall {

	private final SystemCommands commands;

	private final List<Integer> neededPorts;

	Firewall(SystemCommands commands, PosternProperties properties) {
		this.commands = commands;
		PosternProperties.Ports ports = properties.health().ports();
		this.neededPorts = List.of(ports.smtp(), ports.smtps(), ports.submission(), ports.imaps(), ports.https(),
				properties.server().sshPort());
	}

	/**
	 * The firewall's state and the needed ports it keeps closed.
	 * @return the report
	 */
	public FirewallReport report() {
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
