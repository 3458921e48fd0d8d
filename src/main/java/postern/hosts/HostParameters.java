package postern.hosts;

import java.nio.file.Path;
import java.util.Objects;

import postern.host.HostOverrides;

/**
 * What the admin says about a remote host, already checked by the form.
 *
 * @param name the name shown in the header and the audit log
 * @param address a host name or an IP address
 * @param port the SSH port
 * @param user the remote user
 * @param keyFile the private key file on Postern's machine
 * @param overrides the settings that host has in place of the application's (its sudo
 * prefix, paths, units)
 */
public record HostParameters(String name, String address, int port, String user, Path keyFile,
		HostOverrides overrides) {

	public HostParameters {
		overrides = Objects.requireNonNullElse(overrides, HostOverrides.NONE);
	}

}
