package postern.reports;

import java.time.Instant;
import java.util.List;

/**
 * A DMARC aggregate report (RFC 7489 appendix C).
 *
 * @param reporter the reporting organisation ({@code org_name})
 * @param reportId the reporter's {@code report_id}
 * @param begin start of the period
 * @param end end of the period
 * @param domain the domain whose policy was applied ({@code policy_published/domain})
 * @param policy the policy the reporter saw ({@code p})
 * @param rows one row per source address and verdicts
 */
public record DmarcReport(String reporter, String reportId, Instant begin, Instant end, String domain, String policy,
		List<Row> rows) implements ParsedReport {

	/**
	 * One {@code record} of the report.
	 *
	 * @param sourceIp the address that sent the messages
	 * @param count how many messages
	 * @param disposition what the receiver did: none, quarantine or reject
	 * @param dkim the DKIM verdict of DMARC evaluation: pass or fail
	 * @param spf the SPF verdict of DMARC evaluation: pass or fail
	 * @param headerFrom the domain of the From header
	 */
	public record Row(String sourceIp, long count, String disposition, String dkim, String spf, String headerFrom) {

		/**
		 * DMARC passes when an aligned DKIM or SPF passes.
		 * @return whether these messages passed DMARC
		 */
		public boolean passes() {
			return "pass".equals(this.dkim) || "pass".equals(this.spf);
		}

	}

}
