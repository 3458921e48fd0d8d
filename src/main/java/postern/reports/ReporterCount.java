package postern.reports;

/**
 * The reports one organisation sent about a domain.
 *
 * @param reporter the organisation
 * @param kind {@code dmarc} or {@code tls}
 * @param reports how many reports
 * @param count messages (DMARC) or sessions (TLS) they covered
 */
public record ReporterCount(String reporter, String kind, long reports, long count) {
}
