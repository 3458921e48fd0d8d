package postern.reports;

import java.util.Optional;

/**
 * Domain names given in a URL or a query.
 */
public final class ReportDomains {

	private ReportDomains() {
	}

	/**
	 * A domain name in the form reports store it.
	 * @param domain as given
	 * @return lower case without a final dot, or empty when it is not a domain name
	 */
	public static Optional<String> normal(String domain) {
		try {
			return (domain == null) ? Optional.empty() : Optional.of(ReportFields.domain(domain));
		}
		catch (UnreadableReportException ex) {
			return Optional.empty();
		}
	}

}
