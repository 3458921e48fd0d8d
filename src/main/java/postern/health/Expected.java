package postern.health;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import postern.mail.DnsRecord;
import postern.sites.MtaStsPolicy;
import postern.mail.MailDnsSet;

/**
 * What one mail domain should publish, from the server's own state.
 *
 * @param domain the mail domain
 * @param mxHost the MX host of maddy.conf
 * @param dkim the DKIM record maddy wrote, if any
 * @param records the records to publish
 * @param servedPolicy the MTA-STS policy Caddy serves, when known
 */
public record Expected(String domain, String mxHost, Optional<String> dkim, MailDnsSet records,
		Optional<String> servedPolicy) {

	private static final Pattern STS_ID = Pattern.compile("id=([A-Za-z0-9]{1,32})");

	/**
	 * The record to publish for a purpose, as a zone file line; for MTA-STS with the id
	 * of the served policy.
	 * @param purposeKey e.g. {@code dns.purpose.spf}
	 * @return the line, or {@code null} when there is no such record
	 */
	String fix(String purposeKey) {
		return record(purposeKey).map(DnsRecord::zoneLine).orElse(null);
	}

	Optional<DnsRecord> record(String purposeKey) {
		return this.records.records().stream().filter((record) -> record.purposeKey().equals(purposeKey)).findFirst();
	}

	/**
	 * The id the {@code _mta-sts} record should carry.
	 * @param fetched the policy fetched over HTTPS, or {@code null}
	 * @return the id of the policy Caddy serves, else of the one fetched, else of the one
	 * Postern publishes
	 */
	String mtaStsId(String fetched) {
		if (this.servedPolicy.isPresent()) {
			return MtaStsPolicy.idOf(this.servedPolicy.get());
		}
		if (fetched != null) {
			return MtaStsPolicy.idOf(fetched);
		}
		return record("dns.purpose.mta-sts").map((record) -> {
			Matcher matcher = STS_ID.matcher(record.value());
			return matcher.find() ? matcher.group(1) : "";
		}).orElse("");
	}

	/**
	 * An id for a policy that changed under the id a record carries: the id Postern
	 * derives from the policy, or, should that be the id already published, one derived
	 * from the policy and that id together.
	 * @param policy the policy served now
	 * @param published the id of the record
	 * @return a new well-formed id
	 */
	String newMtaStsId(String policy, String published) {
		String derived = MtaStsPolicy.idOf(policy);
		return derived.equals(published) ? MtaStsPolicy.idOf(policy + published) : derived;
	}

	/**
	 * The {@code _mta-sts} record with a given id.
	 * @param id the id
	 * @return the zone line
	 */
	String mtaStsFix(String id) {
		return DnsRecordLines.txt("_mta-sts." + this.domain, "v=STSv1; id=" + id);
	}

	/**
	 * Every record of the domain as a zone snippet, with the MTA-STS id of the served
	 * policy.
	 * @param extra further lines (addresses, TLSA)
	 * @return the snippet
	 */
	public String zoneSnippet(List<String> extra) {
		StringBuilder zone = new StringBuilder("; records of ").append(this.domain).append('\n');
		for (DnsRecord record : this.records.records()) {
			zone.append(
					"dns.purpose.mta-sts".equals(record.purposeKey()) ? mtaStsFix(mtaStsId(null)) : record.zoneLine())
				.append('\n');
		}
		extra.forEach((line) -> zone.append(line).append('\n'));
		return zone.toString();
	}

}
