package postern.health;

import java.net.InetAddress;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.X509TrustManager;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS probes of loopback servers whose certificates are made in the test: valid from the
 * test CA, expired, for another name, self-signed, about to expire; and an SMTP server
 * that does not offer STARTTLS.
 */
class TlsProbeTests {

	static final String HOST = "mx1.example.test";

	static final TestCertificates CERTIFICATES = new TestCertificates();

	@TempDir
	static Path folder;

	static TlsProbe probe;

	static InetAddress loopback;

	@BeforeAll
	static void trustTheTestCa() throws Exception {
		probe = new TlsProbe(TlsTrust.withExtra(CERTIFICATES.writeCa(folder.resolve("ca.pem"))), Duration.ofSeconds(5),
				Duration.ofSeconds(5));
		loopback = InetAddress.getByName("127.0.0.1");
	}

	private static CheckResult check(TlsTestServer server, TlsProbe.Mode mode) {
		try (server) {
			TlsProbeResult result = probe.probe(HOST, loopback, server.port(), mode);
			return TlsChecks.tls(HOST, "tls-smtp", result, Instant.now());
		}
	}

	@Test
	void validCertificateOverStartTlsIsOk() {
		CheckResult result = check(TlsTestServer.smtp(CERTIFICATES.valid(HOST)), TlsProbe.Mode.SMTP_STARTTLS);
		assertThat(result.verdict()).as(result.toString()).isEqualTo(Verdict.OK);
		assertThat(result.messageKey()).isEqualTo("health.tls.ok");
		assertThat(result.detail()).contains("CN=Postern Test CA");
	}

	@Test
	void validCertificateOverImplicitTlsIsOk() {
		CheckResult result = check(TlsTestServer.implicit(CERTIFICATES.valid(HOST)), TlsProbe.Mode.IMPLICIT);
		assertThat(result.verdict()).as(result.toString()).isEqualTo(Verdict.OK);
	}

	@Test
	void expiredCertificateIsAnError() {
		CheckResult result = check(
				TlsTestServer
					.smtp(CERTIFICATES.server(TestCertificates.days(-30), TestCertificates.days(-1), false, HOST)),
				TlsProbe.Mode.SMTP_STARTTLS);
		assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
		assertThat(result.messageKey()).isEqualTo("health.tls.expired");
	}

	@Test
	void certificateForAnotherNameIsAnError() {
		CheckResult result = check(TlsTestServer.implicit(CERTIFICATES.valid("other.example.test")),
				TlsProbe.Mode.IMPLICIT);
		assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
		assertThat(result.messageKey()).isEqualTo("health.tls.wrong-name");
		assertThat(result.arguments()).contains("other.example.test");
	}

	@Test
	void selfSignedCertificateIsAnErrorWithTheReason() {
		CheckResult result = check(
				TlsTestServer
					.smtp(CERTIFICATES.server(TestCertificates.days(-1), TestCertificates.days(60), true, HOST)),
				TlsProbe.Mode.SMTP_STARTTLS);
		assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
		assertThat(result.messageKey()).isEqualTo("health.tls.untrusted");
	}

	@Test
	void certificateWithLessThanAThirdOfItsLifetimeLeftIsAWarning() {
		CheckResult result = check(
				TlsTestServer
					.implicit(CERTIFICATES.server(TestCertificates.days(-60), TestCertificates.days(20), false, HOST)),
				TlsProbe.Mode.IMPLICIT);
		assertThat(result.verdict()).isEqualTo(Verdict.WARNING);
		assertThat(result.messageKey()).isEqualTo("health.tls.expiring");
		assertThat(result.arguments()).endsWith("19", "80");
	}

	@Test
	void certificateWithLessThanATenthOfItsLifetimeLeftIsAnError() {
		CheckResult result = check(
				TlsTestServer
					.implicit(CERTIFICATES.server(TestCertificates.days(-80), TestCertificates.days(5), false, HOST)),
				TlsProbe.Mode.IMPLICIT);
		assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
		assertThat(result.messageKey()).isEqualTo("health.tls.failing");
	}

	@Test
	void aFreshTwelveHourCertificateIsFine() {
		Instant now = Instant.now();
		CheckResult result = check(
				TlsTestServer
					.implicit(CERTIFICATES.server(now.minusSeconds(60), now.plus(Duration.ofHours(12)), false, HOST)),
				TlsProbe.Mode.IMPLICIT);
		assertThat(result.verdict()).isEqualTo(Verdict.OK);
		assertThat(result.messageKey()).isEqualTo("health.tls.ok-hours");
		assertThat(result.arguments().get(1)).isEqualTo("11");
	}

	@Test
	void smtpServerWithoutStartTlsIsAnError() {
		CheckResult result = check(TlsTestServer.smtpWithoutStartTls(CERTIFICATES.valid(HOST)),
				TlsProbe.Mode.SMTP_STARTTLS);
		assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
		assertThat(result.messageKey()).isEqualTo("health.tls.no-starttls");
	}

	@Test
	void closedPortCouldNotBeChecked() throws Exception {
		int port;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, loopback)) {
			port = socket.getLocalPort();
		}
		CheckResult result = TlsChecks.tls(HOST, "tls-imaps", probe.probe(HOST, loopback, port, TlsProbe.Mode.IMPLICIT),
				Instant.now());
		assertThat(result.verdict()).isEqualTo(Verdict.UNKNOWN);
	}

	@Test
	void aChainIsJudgedOncePerProbe() throws Exception {
		AtomicInteger judged = new AtomicInteger();
		TlsTrust counted = new TlsTrust(
				List.of(counting(TlsTrust.managerOf(CERTIFICATES.writeCa(folder.resolve("counted-ca.pem"))), judged)));
		TestCertificates.Server mx = CERTIFICATES.valid(HOST);
		TestCertificates.Server expired = CERTIFICATES.server(TestCertificates.days(-30), TestCertificates.days(-1),
				false, HOST);
		try (TlsTestServer smtps = TlsTestServer.implicit(mx);
				TlsTestServer imaps = TlsTestServer.implicit(mx);
				TlsTestServer old = TlsTestServer.implicit(expired)) {
			TlsProbe oneRun = new TlsProbe(counted, Duration.ofSeconds(5), Duration.ofSeconds(5));
			assertThat(oneRun.probe(HOST, loopback, smtps.port(), TlsProbe.Mode.IMPLICIT).trustProblem()).isNull();
			assertThat(oneRun.probe(HOST, loopback, imaps.port(), TlsProbe.Mode.IMPLICIT).trustProblem()).isNull();
			assertThat(judged).as("the same chain on two ports").hasValue(1);

			String problem = oneRun.probe(HOST, loopback, old.port(), TlsProbe.Mode.IMPLICIT).trustProblem();
			assertThat(problem).isNotNull();
			assertThat(oneRun.probe(HOST, loopback, old.port(), TlsProbe.Mode.IMPLICIT).trustProblem())
				.isEqualTo(problem);
			assertThat(judged).as("another chain, refused, judged once").hasValue(2);

			TlsProbe nextRun = new TlsProbe(counted, Duration.ofSeconds(5), Duration.ofSeconds(5));
			assertThat(nextRun.probe(HOST, loopback, smtps.port(), TlsProbe.Mode.IMPLICIT).trustProblem()).isNull();
			assertThat(judged).as("a new probe judges afresh").hasValue(3);
		}
	}

	private static X509TrustManager counting(X509TrustManager manager, AtomicInteger judged) {
		return new X509TrustManager() {

			@Override
			public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
				judged.incrementAndGet();
				manager.checkServerTrusted(chain, authType);
			}

			@Override
			public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
				manager.checkClientTrusted(chain, authType);
			}

			@Override
			public X509Certificate[] getAcceptedIssuers() {
				return manager.getAcceptedIssuers();
			}

		};
	}

	@Test
	void wildcardCoversExactlyOneLabel() {
		assertThat(TlsProbeResult.matches("*.example.test", "mx1.example.test")).isTrue();
		assertThat(TlsProbeResult.matches("*.example.test", "a.mx1.example.test")).isFalse();
		assertThat(TlsProbeResult.matches("*.example.test", "example.test")).isFalse();
	}

}
