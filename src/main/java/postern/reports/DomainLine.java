package postern.reports;

/**
 * The figures of one domain over a period.
 *
 * @param domain the domain
 * @param messages messages reported
 * @param passingPercent the share that passed DMARC, in percent
 * @param failingSources source addresses with messages failing DMARC
 * @param tlsSuccessful TLS sessions that succeeded
 * @param tlsFailed TLS sessions that failed
 */
public record DomainLine(String domain, long messages, long passingPercent, long failingSources, long tlsSuccessful,
		long tlsFailed) {

	static DomainLine of(String domain, DomainTotals dmarc, TlsTotals tls) {
		return new DomainLine(domain, (dmarc == null) ? 0 : dmarc.messages(),
				(dmarc == null) ? 0 : dmarc.passingPercent(), (dmarc == null) ? 0 : dmarc.failingSources(),
				(tls == null) ? 0 : tls.successful(), (tls == null) ? 0 : tls.failed());
	}

	/**
	 * Whether any report covered the domain in the period.
	 * @return whether there are figures
	 */
	public boolean hasReports() {
		return this.messages + this.tlsSuccessful + this.tlsFailed > 0;
	}

}
