package postern.health;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What one run checks.
 *
 * @param domains the mail domains with what each should publish
 * @param mxHost the MX host, or {@code null} when maddy.conf names none
 * @param ipv4 the server's public IPv4 addresses
 * @param ipv6 the server's public IPv6 addresses
 * @param certificateOnDisk maddy's certificate, or {@code null}
 * @param sites the web sites probed on the HTTPS port
 */
public record HealthPlan(List<Expected> domains, String mxHost, List<String> ipv4, List<String> ipv6,
		X509Certificate certificateOnDisk, List<String> sites) {

	public HealthPlan {
		domains = List.copyOf(domains);
		ipv4 = List.copyOf(ipv4);
		ipv6 = List.copyOf(ipv6);
		sites = List.copyOf(sites);
	}

}
