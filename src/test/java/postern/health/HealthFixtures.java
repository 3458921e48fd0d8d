package postern.health;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import postern.mail.DnsRecord;
import postern.mail.MailDnsSet;
import postern.sites.MtaStsPolicy;

/**
 * Zones and expectations for the health tests: every domain uses the MX host
 * {@code mx1.example.test} on 127.0.0.1.
 */
final class HealthFixtures {

	static final String MX = "mx1.example.test";

	static final String DKIM = "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(bytes(294));

	static final String POLICY = "version: STSv1\r\nmode: enforce\r\nmx: " + MX + "\r\nmax_age: 604800\r\n";

	static final String STS_ID = MtaStsPolicy.idOf(POLICY);

	private HealthFixtures() {
	}

	private static byte[] bytes(int count) {
		byte[] bytes = new byte[count];
		new Random(42).nextBytes(bytes);
		return bytes;
	}

	/**
	 * A correct zone for a mail domain, as zone file text.
	 * @param domain the domain
	 * @return the text
	 */
	static String zone(String domain) {
		String dkimFirst = DKIM.substring(0, 200);
		String dkimRest = DKIM.substring(200);
		return String.join("\n", "$ORIGIN " + domain + ".", "$TTL 300",
				"@ SOA ns1.example.test. hostmaster.example.test. 1 3600 900 604800 300", "@ NS ns1.example.test.",
				"@ MX 10 " + MX + ".", "@ TXT \"v=spf1 mx -all\"",
				"default._domainkey TXT \"" + dkimFirst + "\" \"" + dkimRest + "\"",
				"_dmarc TXT \"v=DMARC1; p=quarantine; rua=mailto:postmaster@" + domain + "\"",
				"_mta-sts TXT \"v=STSv1; id=" + STS_ID + "\"",
				"_smtp._tls TXT \"v=TLSRPTv1; rua=mailto:postmaster@" + domain + "\"",
				"@ CAA 0 issue \"letsencrypt.org\"", "mta-sts A 127.0.0.1", "");
	}

	/**
	 * The MX host's zone, with its TLSA records.
	 * @param tlsa the hex of each {@code 3 1 1} record
	 * @return the text
	 */
	static String serverZone(String... tlsa) {
		List<String> lines = new ArrayList<>(List.of("$ORIGIN example.test.", "$TTL 300",
				"@ SOA ns1.example.test. hostmaster.example.test. 1 3600 900 604800 300", "@ NS ns1.example.test.",
				"ns1 A 127.0.0.1", "mx1 A 127.0.0.1"));
		for (String hash : tlsa) {
			lines.add("_25._tcp.mx1 TLSA 3 1 1 " + hash);
		}
		lines.add("");
		return String.join("\n", lines);
	}

	static String reverseZone() {
		return String.join("\n", "$ORIGIN 0.0.127.in-addr.arpa.", "$TTL 300",
				"@ SOA ns1.example.test. hostmaster.example.test. 1 3600 900 604800 300", "@ NS ns1.example.test.",
				"1 PTR " + MX + ".", "");
	}

	/**
	 * What a domain should publish.
	 * @param domain the domain
	 * @param servedPolicy the policy Caddy serves, if known
	 * @return the expectations
	 */
	static Expected expected(String domain, Optional<String> servedPolicy) {
		String reports = "mailto:postmaster@" + domain;
		List<DnsRecord> records = List.of(new DnsRecord(domain, "MX", "10 " + MX, "10 " + MX + ".", "dns.purpose.mx"),
				txt(domain, "v=spf1 mx -all", "dns.purpose.spf"),
				new DnsRecord("default._domainkey." + domain, "TXT", DKIM,
						"\"" + DKIM.substring(0, 255) + "\" \"" + DKIM.substring(255) + "\"", "dns.purpose.dkim"),
				txt("_dmarc." + domain, "v=DMARC1; p=quarantine; rua=" + reports, "dns.purpose.dmarc"),
				txt("_mta-sts." + domain, "v=STSv1; id=" + STS_ID, "dns.purpose.mta-sts"),
				txt("_smtp._tls." + domain, "v=TLSRPTv1; rua=" + reports, "dns.purpose.tlsrpt"), new DnsRecord(domain,
						"CAA", "0 issue \"letsencrypt.org\"", "0 issue \"letsencrypt.org\"", "dns.purpose.caa"));
		return new Expected(domain, MX, Optional.of(DKIM),
				new MailDnsSet(domain, MX, records, true, servedPolicy.isPresent()), servedPolicy);
	}

	private static DnsRecord txt(String name, String text, String purpose) {
		return new DnsRecord(name, "TXT", text, "\"" + text + "\"", purpose);
	}

}
