package postern.reports;

/**
 * TLS sessions of one domain over a period.
 *
 * @param domain the policy domain
 * @param successful sessions that succeeded
 * @param failed sessions that failed
 */
public record TlsTotals(String domain, long successful, long failed) {
}
