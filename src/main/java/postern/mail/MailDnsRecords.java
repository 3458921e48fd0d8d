package postern.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import postern.sites.MtaStsPolicy;
import postern.sites.SiteService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.util.function.SingletonSupplier;

/**
 * The DNS records a local domain needs for its mail to be delivered and trusted: MX, SPF,
 * DKIM, DMARC, MTA-STS, TLS reporting and CAA, built from the server's own state (the MX
 * host of maddy.conf, the DKIM key maddy wrote, the MTA-STS policy Caddy serves).
 */
@Service
public class MailDnsRecords {

	private final MailDomains domains;

	private final DkimKeys dkimKeys;

	private final SiteService sites;

	/**
	 * The reports' settings, looked up in the context once: each lookup resolves the
	 * dependency again, and a domain page asks on every view.
	 */
	private final SingletonSupplier<ReportsAddress> reportsAddress;

	MailDnsRecords(MailDomains domains, DkimKeys dkimKeys, SiteService sites,
			ObjectProvider<ReportsAddress> reportsAddress) {
		this.domains = domains;
		this.dkimKeys = dkimKeys;
		this.sites = sites;
		this.reportsAddress = SingletonSupplier.ofNullable(reportsAddress::getIfAvailable);
	}

	/**
	 * The records of one domain.
	 * @param domain a local domain
	 * @return the records in the order an admin publishes them
	 */
	public MailDnsSet recordsOf(String domain) {
		String mx = this.domains.mxHost().orElse("mx." + domain);
		Optional<String> mailbox = reportsMailbox();
		String reports = "mailto:" + mailbox.orElse("postmaster@" + domain);
		List<DnsRecord> records = new ArrayList<>();
		records.add(new DnsRecord(domain, "MX", "10 " + mx, "10 " + mx + ".", "dns.purpose.mx"));
		records.add(DnsRecord.txt(domain, "v=spf1 mx -all", "dns.purpose.spf"));
		boolean dkimKnown = this.dkimKeys.find(domain).map((dkim) -> {
			records.add(new DnsRecord(dkim.name(), "TXT", dkim.value(), dkim.zoneValue(), "dns.purpose.dkim"));
			return true;
		}).orElse(false);
		records.add(DnsRecord.txt("_dmarc." + domain, "v=DMARC1; p=quarantine; rua=" + reports, "dns.purpose.dmarc"));
		Optional<String> served = this.sites.servedMtaStsPolicy(domain);
		String policy = served.orElseGet(() -> MtaStsPolicy.firstFor(mx).text());
		records.add(DnsRecord.txt("_mta-sts." + domain, MtaStsPolicy.txtRecord(policy), "dns.purpose.mta-sts"));
		records.add(DnsRecord.txt("_smtp._tls." + domain, "v=TLSRPTv1; rua=" + reports, "dns.purpose.tlsrpt"));
		// RFC 7489 §7.1: a domain sending its reports to another domain's mailbox needs
		// that domain's consent, published in that domain's zone
		mailbox.map((address) -> address.substring(address.indexOf('@') + 1))
			.filter((reportsDomain) -> !reportsDomain.equals(domain))
			.ifPresent((reportsDomain) -> records.add(DnsRecord.txt(domain + "._report._dmarc." + reportsDomain,
					"v=DMARC1", "dns.purpose.dmarc-report-auth")));
		records.add(new DnsRecord(domain, "CAA", "0 issue \"letsencrypt.org\"", "0 issue \"letsencrypt.org\"",
				"dns.purpose.caa"));
		return new MailDnsSet(domain, mx, records, dkimKnown, served.isPresent());
	}

	private Optional<String> reportsMailbox() {
		ReportsAddress source = this.reportsAddress.get();
		try {
			return (source == null) ? Optional.empty()
					: source.address().map((address) -> address.toLowerCase(java.util.Locale.ROOT));
		}
		catch (RuntimeException ex) {
			// the settings cannot be read: the postmaster address still works
			return Optional.empty();
		}
	}

}
