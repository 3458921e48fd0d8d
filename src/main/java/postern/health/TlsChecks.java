package postern.health;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import postern.dashboard.CertificateLifetime;

/**
 * Judges TLS handshakes and MTA-STS policies.
 */
final class TlsChecks {

	private TlsChecks() {
	}

	/**
	 * One TLS endpoint.
	 * @param subject the MX host or the site
	 * @param check e.g. {@code tls-smtp}
	 * @param probe the handshake
	 * @param now the time of the check
	 * @return the result
	 */
	static CheckResult tls(String subject, String check, TlsProbeResult probe, Instant now) {
		return tls(subject, check, probe, now, null);
	}

	/**
	 * One TLS endpoint at one of the host's addresses.
	 * @param subject the MX host or the site
	 * @param check e.g. {@code tls-smtp}
	 * @param probe the handshake
	 * @param now the time of the check
	 * @param address the address probed, to say when the host has several, or
	 * {@code null}
	 * @return the result
	 */
	static CheckResult tls(String subject, String check, TlsProbeResult probe, Instant now, String address) {
		String where = probe.host() + ":" + probe.port() + ((address != null) ? " (" + address + ")" : "");
		switch (probe.outcome()) {
			case NO_STARTTLS:
				return CheckResult.of(subject, check, Verdict.ERROR, "health.tls.no-starttls", where);
			case TIMED_OUT:
			case FAILED:
				return CheckResult.of(subject, check, Verdict.UNKNOWN, "health.tls.unreachable", where,
						probe.problem());
			default:
				break;
		}
		X509Certificate leaf = probe.leaf().orElse(null);
		if (leaf == null) {
			return CheckResult.of(subject, check, Verdict.ERROR, "health.tls.untrusted", where, "no certificate");
		}
		String detail = describe(probe);
		CheckResult result;
		if (leaf.getNotAfter().toInstant().isBefore(now)) {
			result = CheckResult.of(subject, check, Verdict.ERROR, "health.tls.expired", where,
					leaf.getNotAfter().toInstant().toString());
		}
		else if (!TlsProbeResult.names(leaf, probe.host())) {
			result = CheckResult.of(subject, check, Verdict.ERROR, "health.tls.wrong-name", where,
					String.join(", ", TlsProbeResult.dnsNames(leaf)));
		}
		else if (probe.trustProblem() != null) {
			result = CheckResult.of(subject, check, Verdict.ERROR, "health.tls.untrusted", where, probe.trustProblem());
		}
		else {
			result = lifetime(subject, check, where, leaf, now, probe.protocol());
		}
		return result.withDetail(detail);
	}

	/**
	 * A valid certificate judged by the time it has left against its own lifetime.
	 */
	private static CheckResult lifetime(String subject, String check, String where, X509Certificate leaf, Instant now,
			String protocol) {
		CertificateLifetime lifetime = new CertificateLifetime(leaf.getNotBefore().toInstant(),
				leaf.getNotAfter().toInstant());
		String unit = lifetime.inHours() ? "-hours" : "";
		long left = lifetime.left(now);
		return switch (lifetime.at(now)) {
			case FINE -> CheckResult.of(subject, check, Verdict.OK, "health.tls.ok" + unit, where, left, protocol);
			case RENEWAL_LATE -> CheckResult.of(subject, check, Verdict.WARNING, "health.tls.expiring" + unit, where,
					left, lifetime.length());
			case RENEWAL_FAILING, EXPIRED -> CheckResult.of(subject, check, Verdict.ERROR, "health.tls.failing" + unit,
					where, left, lifetime.length());
		};
	}

	static String describe(TlsProbeResult probe) {
		StringBuilder detail = new StringBuilder();
		detail.append(probe.protocol()).append(' ').append(probe.cipherSuite()).append('\n');
		for (X509Certificate certificate : probe.chain()) {
			detail.append(certificate.getSubjectX500Principal().getName())
				.append("\n  issuer: ")
				.append(certificate.getIssuerX500Principal().getName())
				.append("\n  names: ")
				.append(String.join(", ", TlsProbeResult.dnsNames(certificate)))
				.append("\n  valid until: ")
				.append(certificate.getNotAfter().toInstant())
				.append('\n');
		}
		return detail.toString();
	}

	/**
	 * The MTA-STS policy of a domain.
	 * @param expected the domain's expectations
	 * @param fetched the fetch
	 * @param mxHosts the MX hosts published in DNS
	 * @param now the time of the check
	 * @return the result
	 */
	static CheckResult policy(Expected expected, MtaStsFetch.Fetched fetched, List<String> mxHosts, Instant now) {
		String domain = expected.domain();
		String check = "mta-sts-policy";
		String fix = expected.servedPolicy().orElse(null);
		TlsProbeResult tls = fetched.tls();
		String where = "https://" + tls.host() + "/.well-known/mta-sts.txt";
		if (tls.outcome() != TlsProbeResult.Outcome.CONNECTED) {
			return CheckResult.of(domain, check, Verdict.UNKNOWN, "health.policy.unreachable", where, tls.problem());
		}
		CheckResult certificate = tls(domain, check, tls, now);
		if (certificate.verdict() == Verdict.ERROR) {
			return CheckResult
				.of(domain, check, Verdict.ERROR, "health.policy.certificate", where,
						certificate.arguments().get(certificate.arguments().size() - 1))
				.withDetail(certificate.detail());
		}
		if (fetched.status() != 200) {
			return CheckResult.of(domain, check, Verdict.ERROR, "health.policy.status", where, fetched.status())
				.withFix(fix);
		}
		FetchedMtaStsPolicy policy = FetchedMtaStsPolicy.parse(fetched.body());
		String detail = fetched.body();
		CheckResult result;
		if (!"STSv1".equals(policy.version())) {
			result = CheckResult.of(domain, check, Verdict.ERROR, "health.policy.version", policy.version());
		}
		else if (policy.mode() == null || !List.of("enforce", "testing", "none").contains(policy.mode())) {
			result = CheckResult.of(domain, check, Verdict.ERROR, "health.policy.mode", policy.mode());
		}
		else if (policy.maxAgeSeconds() < 0 || policy.maxAgeSeconds() > FetchedMtaStsPolicy.MAX_AGE_LIMIT) {
			result = CheckResult.of(domain, check, Verdict.ERROR, "health.policy.max-age", policy.maxAge());
		}
		else if (!"none".equals(policy.mode()) && !mxHosts.stream().allMatch(policy::covers)) {
			result = CheckResult.of(domain, check, Verdict.ERROR, "health.policy.mx-not-covered",
					String.join(", ", mxHosts.stream().filter((mx) -> !policy.covers(mx)).toList()),
					String.join(", ", policy.mx()));
		}
		else if (policy.maxAgeSeconds() < FetchedMtaStsPolicy.MAX_AGE_RECOMMENDED) {
			result = CheckResult.of(domain, check, Verdict.WARNING, "health.policy.max-age-short", policy.maxAge());
		}
		else if (expected.servedPolicy().isPresent() && !expected.servedPolicy().get().equals(fetched.body())) {
			result = CheckResult.of(domain, check, Verdict.WARNING, "health.policy.differs", where);
		}
		else if (policy.bareLineFeeds()) {
			result = CheckResult.of(domain, check, Verdict.WARNING, "health.policy.line-feeds", where);
		}
		else {
			result = CheckResult.of(domain, check, Verdict.OK, "health.policy.ok", policy.mode(), policy.maxAge());
		}
		return (result.verdict() == Verdict.OK) ? result.withDetail(detail) : result.withFix(fix).withDetail(detail);
	}

}
