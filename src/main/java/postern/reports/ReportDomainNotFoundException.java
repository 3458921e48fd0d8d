package postern.reports;

import postern.infrastructure.NotFoundException;

/**
 * A report page was asked for a name that is not a domain reports could be about.
 */
public class ReportDomainNotFoundException extends NotFoundException {

	public ReportDomainNotFoundException(String domain) {
		super("No reports for " + domain);
	}

}
