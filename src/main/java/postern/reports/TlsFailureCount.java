package postern.reports;

/**
 * Failed TLS sessions of one kind.
 *
 * @param resultType e.g. {@code certificate-expired}
 * @param sendingMta the sending MTA's address
 * @param receivingMx the MX it tried
 * @param sessions how many sessions
 */
public record TlsFailureCount(String resultType, String sendingMta, String receivingMx, long sessions) {
}
