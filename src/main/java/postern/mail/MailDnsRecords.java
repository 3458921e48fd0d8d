package postern.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import postern.host.FileSnapshot;

import org.springframework.stereotype.Service;

/**
 * The DNS records a local domain needs for its mail to be delivered and trusted: MX, SPF,
 * DKIM, DMARC, MTA-STS, TLS reporting and CAA, built from the server's own state (the MX
 * host of maddy.conf, the DKIM key maddy wrote, the MTA-STS policy).
 */
@Service
public class MailDnsRecords {

	/** How long receivers cache the policy: one week, as RFC 8461 recommends at least. */
	static final long POLICY_MAX_AGE = 604_800;

	private static final int MTA_STS_ID_LENGTH = 20;

	private final MailDomains domains;

	private final DkimKeys dkimKeys;

	MailDnsRecords(MailDomains domains, DkimKeys dkimKeys) {
		this.domains = domains;
		this.dkimKeys = dkimKeys;
	}

	/**
	 * The records of one domain.
	 * @param domain a local domain
	 * @return the records in the order an admin publishes them
	 */
	public MailDnsSet recordsOf(String domain) {
		String mx = this.domains.mxHost().orElse("mx." + domain);
		String reports = "mailto:postmaster@" + domain;
		List<DnsRecord> records = new ArrayList<>();
		records.add(new DnsRecord(domain, "MX", "10 " + mx, "10 " + mx + ".", "dns.purpose.mx"));
		records.add(DnsRecord.txt(domain, "v=spf1 mx -all", "dns.purpose.spf"));
		boolean dkimKnown = this.dkimKeys.find(domain).map((dkim) -> {
			records.add(new DnsRecord(dkim.name(), "TXT", dkim.value(), dkim.zoneValue(), "dns.purpose.dkim"));
			return true;
		}).orElse(false);
		records.add(DnsRecord.txt("_dmarc." + domain, "v=DMARC1; p=quarantine; rua=" + reports, "dns.purpose.dmarc"));
		records.add(DnsRecord.txt("_mta-sts." + domain, "v=STSv1; id=" + mtaStsId(policy(mx)), "dns.purpose.mta-sts"));
		records.add(DnsRecord.txt("_smtp._tls." + domain, "v=TLSRPTv1; rua=" + reports, "dns.purpose.tlsrpt"));
		records.add(new DnsRecord(domain, "CAA", "0 issue \"letsencrypt.org\"", "0 issue \"letsencrypt.org\"",
				"dns.purpose.caa"));
		return new MailDnsSet(domain, records, dkimKnown);
	}

	/**
	 * The MTA-STS policy for the server's MX host, as Postern publishes it.
	 * @param mx the MX host
	 * @return the policy text
	 */
	static String policy(String mx) {
		return "version: STSv1\r\nmode: testing\r\nmx: " + mx + "\r\nmax_age: " + POLICY_MAX_AGE + "\r\n";
	}

	/**
	 * The id of an MTA-STS policy: derived from its text, so it changes exactly when the
	 * policy does.
	 * @param policy the policy text as served
	 * @return the first 20 hex characters of its SHA-256
	 */
	public static String mtaStsId(String policy) {
		return FileSnapshot.sha256(policy.getBytes(StandardCharsets.UTF_8)).substring(0, MTA_STS_ID_LENGTH);
	}

}
