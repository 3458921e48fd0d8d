package postern.host;

import java.nio.file.Path;
import java.util.List;

/**
 * What the admin says about a remote host, already checked by the form.
 *
 * @param name the name shown in the header and the audit log
 * @param address a host name or an IP address
 * @param port the SSH port
 * @param user the remote user
 * @param keyFile the private key file on Postern's machine
 * @param sudoPrefix the words put before the system tools on that host, or {@code null}
 * to keep {@code postern.systemctl.command-prefix}
 */
public record HostParameters(String name, String address, int port, String user, Path keyFile,
		List<String> sudoPrefix) {

	public HostParameters {
		sudoPrefix = (sudoPrefix != null) ? List.copyOf(sudoPrefix) : null;
	}

}
