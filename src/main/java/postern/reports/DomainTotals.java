package postern.reports;

/**
 * DMARC figures of one domain over a period.
 *
 * @param domain the domain
 * @param messages messages reported
 * @param passing of which passed DMARC
 * @param failingSources source addresses with messages that failed
 */
public record DomainTotals(String domain, long messages, long passing, long failingSources) {

	/**
	 * The share of messages passing, in percent.
	 * @return 0 to 100; 0 without messages
	 */
	public long passingPercent() {
		return (this.messages == 0) ? 0 : Math.round(100.0 * this.passing / this.messages);
	}

}
