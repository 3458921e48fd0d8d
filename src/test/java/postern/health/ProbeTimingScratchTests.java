package postern.health;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeTimingScratchTests {

	@TempDir
	Path folder;

	@Test
	void time() throws Exception {
		TestCertificates certificates = new TestCertificates();
		TestCertificates.Server certificate = certificates.valid(HealthFixtures.MX, "mta-sts.one.test");
		try (TlsTestServer imaps = TlsTestServer.implicit(certificate);
				TlsTestServer smtp = TlsTestServer.smtp(certificate);
				TlsTestServer https = TlsTestServer.https(certificate,
						Map.of("mta-sts.one.test", HealthFixtures.POLICY))) {
			Path ca = certificates.writeCa(this.folder.resolve("ca.pem"));
			TlsTrust trust = TlsTrust.withExtra(ca);
			InetAddress lo = InetAddress.getByName("127.0.0.1");
			for (int round = 0; round < 15; round++) {
				TlsProbe probe = new TlsProbe(trust, Duration.ofSeconds(5), Duration.ofSeconds(5));
				long t0 = System.nanoTime();
				probe.probe(HealthFixtures.MX, lo, imaps.port(), TlsProbe.Mode.IMPLICIT);
				long t1 = System.nanoTime();
				probe.probe(HealthFixtures.MX, lo, smtp.port(), TlsProbe.Mode.SMTP_STARTTLS);
				long t2 = System.nanoTime();
				new MtaStsFetch(probe).fetch("mta-sts.one.test", lo, https.port());
				long t3 = System.nanoTime();
				long t4 = System.nanoTime();
				trust.problem(List.of(certificate.certificate()).toArray(java.security.cert.X509Certificate[]::new),
						"UNKNOWN");
				long t5 = System.nanoTime();
				System.out.printf("SCRATCH implicit %.1f ms, starttls %.1f ms, mta-sts %.1f ms, trust %.1f ms%n",
						(t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t5 - t4) / 1e6);
			}
		}
	}

}
