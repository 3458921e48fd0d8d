package postern.reports;

import java.time.Instant;
import java.util.List;

/**
 * An SMTP TLS report (RFC 8460).
 *
 * @param reporter the {@code organization-name}
 * @param reportId the {@code report-id}
 * @param begin start of the period
 * @param end end of the period
 * @param policies the result of each policy the sender applied
 */
public record TlsReport(String reporter, String reportId, Instant begin, Instant end,
		List<Policy> policies) implements ParsedReport {

	/**
	 * The sessions under one policy.
	 *
	 * @param domain the {@code policy-domain}
	 * @param type {@code sts}, {@code tlsa} or {@code no-policy-found}
	 * @param successful sessions that succeeded
	 * @param failed sessions that failed
	 * @param failures the failures by result type, sending MTA and MX
	 */
	public record Policy(String domain, String type, long successful, long failed, List<Failure> failures) {
	}

	/**
	 * Failed sessions of one kind.
	 *
	 * @param resultType e.g. {@code certificate-expired}
	 * @param sendingMta the sending MTA's address
	 * @param receivingMx the MX host it tried
	 * @param sessions how many sessions failed so
	 */
	public record Failure(String resultType, String sendingMta, String receivingMx, long sessions) {
	}

}
