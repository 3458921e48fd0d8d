package postern.reports;

/**
 * One source address of a domain's report page.
 *
 * @param group {@code own} (the server's addresses), {@code passing} or {@code unknown}
 * (failing DMARC: someone sending as the domain without its keys)
 * @param sourceIp the address
 * @param reverseName its reverse name, or an empty string
 * @param messages how many messages
 * @param spf DMARC's SPF verdict
 * @param dkim DMARC's DKIM verdict
 * @param dmarc {@code pass} or {@code fail}
 * @param disposition what the receivers did
 */
public record SourceLine(String group, String sourceIp, String reverseName, long messages, String spf, String dkim,
		String dmarc, String disposition) {
}
