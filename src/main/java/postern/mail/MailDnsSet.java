package postern.mail;

import java.util.List;

/**
 * The DNS records of one mail domain.
 *
 * @param domain the domain
 * @param mxHost the MX host the records name
 * @param records the records to publish
 * @param dkimKnown whether maddy has written the domain's DKIM key yet
 * @param mtaStsServed whether Caddy serves the domain's MTA-STS policy; when not, the
 * {@code _mta-sts} id is that of the policy Postern would publish
 */
public record MailDnsSet(String domain, String mxHost, List<DnsRecord> records, boolean dkimKnown,
		boolean mtaStsServed) {

	public MailDnsSet {
		records = List.copyOf(records);
	}

	/**
	 * Every record as a BIND zone snippet.
	 * @return the lines, with a heading comment
	 */
	public String zoneSnippet() {
		StringBuilder zone = new StringBuilder("; mail records of ").append(this.domain).append('\n');
		this.records.forEach((record) -> zone.append(record.zoneLine()).append('\n'));
		return zone.toString();
	}

}
