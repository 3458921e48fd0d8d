package postern.reports;

import java.time.Instant;

/**
 * A report read from a mail: DMARC aggregate or TLS-RPT.
 */
public sealed interface ParsedReport permits DmarcReport, TlsReport {

	/**
	 * Who sent it, e.g. {@code google.com}.
	 * @return the reporter
	 */
	String reporter();

	/**
	 * The reporter's id of the report, unique for that reporter.
	 * @return the id
	 */
	String reportId();

	/**
	 * The start of the period it covers.
	 * @return the start
	 */
	Instant begin();

	/**
	 * The end of the period it covers.
	 * @return the end
	 */
	Instant end();

}
