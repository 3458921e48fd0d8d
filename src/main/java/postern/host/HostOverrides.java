package postern.host;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Settings one managed host has of its own, in place of the application's: for now the
 * prefix of the system tools ({@code postern.systemctl.command-prefix}), since each
 * server has its own sudoers rules and remote user.
 *
 * @param sudoPrefix the words put before {@code systemctl}, {@code journalctl},
 * {@code fail2ban-client} and {@code ufw} on this host, possibly none; {@code null} to
 * keep the configured prefix
 */
public record HostOverrides(List<String> sudoPrefix) {

	/** No override: the host runs with the application's settings. */
	public static final HostOverrides NONE = new HostOverrides(null);

	private static final Set<Program> SYSTEM_TOOLS = EnumSet.of(Program.SYSTEMCTL, Program.JOURNALCTL,
			Program.FAIL2BAN_CLIENT, Program.UFW);

	public HostOverrides {
		sudoPrefix = (sudoPrefix != null) ? List.copyOf(sudoPrefix) : null;
	}

	/**
	 * The command as this host runs it.
	 * @param command a command of the catalogue
	 * @return the same command, under this host's prefix when it has one for the program
	 */
	Command apply(Command command) {
		if (this.sudoPrefix == null || command.kind() == null || !SYSTEM_TOOLS.contains(command.kind().program())) {
			return command;
		}
		return command.withPrefix(this.sudoPrefix);
	}

}
