package postern.reports;

/**
 * Messages from one source address with the same verdicts.
 *
 * @param sourceIp the address
 * @param dkim DMARC's DKIM verdict
 * @param spf DMARC's SPF verdict
 * @param passes whether DMARC passed
 * @param disposition what the receivers did
 * @param messages how many messages
 */
public record SourceVerdicts(String sourceIp, String dkim, String spf, boolean passes, String disposition,
		long messages) {
}
