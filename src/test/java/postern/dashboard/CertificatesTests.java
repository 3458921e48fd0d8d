package postern.dashboard;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import postern.PosternProperties;
import postern.TestServerRoot;
import postern.host.LocalHost;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Certificates read from the files of a server root: the MX certificate and those Caddy
 * stored (test certificates made with openssl, valid 1200, 90 and 400 days from
 * 2026-11-25).
 */
class CertificatesTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);

	@TempDir
	Path folder;

	private TestServerRoot root;

	private PosternProperties properties;

	private LocalHost host;

	@BeforeEach
	void serverRoot() {
		this.root = TestServerRoot.createIn(this.folder);
		PosternProperties.Maddy maddy = new PosternProperties.Maddy(this.root.resolve("usr/local/bin/maddy"),
				this.root.resolve("etc/maddy/maddy.conf"), this.root.resolve("etc/maddy/aliases"),
				this.root.resolve("var/lib/maddy"), this.root.resolve("etc/maddy/certs"), List.of());
		PosternProperties.Caddy caddy = new PosternProperties.Caddy(this.root.resolve("usr/local/bin/caddy"),
				this.root.resolve("etc/caddy/Caddyfile"), this.root.resolve("var/caddy/www"),
				this.root.resolve("var/lib/caddy"), PosternProperties.CaddyReload.SYSTEMCTL,
				URI.create("http://localhost:2019"));
		PosternProperties.Backups backups = new PosternProperties.Backups(this.root.resolve("data/backups"), 3);
		this.properties = new PosternProperties(this.root.resolve("data"), maddy, caddy, null, null, backups, null,
				null, null, null);
		this.host = new LocalHost("test", backups, (event) -> {
		}, CLOCK);
	}

	private Certificates certificates(MxHostSource... sources) {
		return new Certificates(() -> this.host, List.of(sources), this.properties, Optional.of(CLOCK));
	}

	@Test
	void withoutMxHostOnlyCaddysCertificatesSoonestFirst() {
		CertificateReport report = certificates().report();
		assertThat(report.certificates()).extracting(CertificateInfo::name)
			.containsExactly("xoyize.xyz", "mta-sts.xoyize.xyz");
		CertificateInfo soonest = report.soonest().orElseThrow();
		assertThat(soonest.server()).isEqualTo("caddy");
		assertThat(soonest.daysLeft()).isEqualTo(90);
		assertThat(soonest.notAfter()).isEqualTo(Instant.parse("2027-02-23T12:14:05Z"));
		assertThat(soonest.path().getFileName().toString()).isEqualTo("xoyize.xyz.crt");
		assertThat(soonest.expiresSoon()).isFalse();
		assertThat(report.problems()).isEmpty();
	}

	@Test
	void mxCertificateIsReadFromTheMxHostsFolder() {
		CertificateReport report = certificates(() -> Optional.of("mx1.xoyize.xyz")).report();
		assertThat(report.certificates()).extracting(CertificateInfo::name)
			.containsExactly("xoyize.xyz", "mta-sts.xoyize.xyz", "mx1.xoyize.xyz");
		CertificateInfo mx = report.certificates().get(2);
		assertThat(mx.server()).isEqualTo("maddy");
		assertThat(mx.daysLeft()).isEqualTo(1200);
	}

	@Test
	void missingMxCertificateAndUnreadableFilesAreProblemsNotFailures() throws IOException {
		Path garbage = this.root
			.resolve("var/lib/caddy/certificates/acme-v02.api.letsencrypt.org-directory/bad.example/bad.example.crt");
		Files.createDirectories(garbage.getParent());
		Files.writeString(garbage, "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");

		CertificateReport report = certificates(() -> Optional.of("mx2.xoyize.xyz")).report();
		assertThat(report.certificates()).hasSize(2);
		assertThat(report.problems()).anySatisfy((problem) -> assertThat(problem).contains("bad.example.crt"))
			.anySatisfy((problem) -> assertThat(problem).contains("mx2.xoyize.xyz/fullchain.pem: not found"));
	}

	@Test
	void mxHostThatIsNotAHostNameIsIgnored() {
		CertificateReport report = certificates(() -> Optional.of("../../etc"), Optional::empty).report();
		assertThat(report.certificates()).hasSize(2);
		assertThat(report.problems()).isEmpty();
	}

	@Test
	void expiryStatesFollowEachCertificatesOwnLifetime() {
		Instant start = Instant.parse("2026-01-01T00:00:00Z");
		CertificateLifetime letsEncrypt = new CertificateLifetime(start, start.plus(Duration.ofDays(90)));
		assertThat(letsEncrypt.at(start.plus(Duration.ofDays(59)))).isEqualTo(CertificateLifetime.State.FINE);
		assertThat(letsEncrypt.at(start.plus(Duration.ofDays(61)))).isEqualTo(CertificateLifetime.State.RENEWAL_LATE);
		assertThat(letsEncrypt.at(start.plus(Duration.ofDays(82))))
			.isEqualTo(CertificateLifetime.State.RENEWAL_FAILING);
		assertThat(letsEncrypt.at(start.plus(Duration.ofDays(90)))).isEqualTo(CertificateLifetime.State.EXPIRED);
		CertificateLifetime internal = new CertificateLifetime(start, start.plus(Duration.ofHours(12)));
		assertThat(internal.at(start.plus(Duration.ofMinutes(5)))).isEqualTo(CertificateLifetime.State.FINE);
		assertThat(internal.inHours()).isTrue();
		assertThat(internal.left(start.plus(Duration.ofMinutes(5)))).isEqualTo(11);
		CertificateLifetime sixDays = new CertificateLifetime(start, start.plus(Duration.ofDays(6)));
		assertThat(sixDays.at(start.plus(Duration.ofDays(3)))).isEqualTo(CertificateLifetime.State.FINE);
		assertThat(sixDays.at(start.plus(Duration.ofDays(5)))).isEqualTo(CertificateLifetime.State.RENEWAL_LATE);

		CertificateInfo expired = new CertificateInfo("caddy", Path.of("a.crt"), "a", Instant.EPOCH, -3,
				CertificateLifetime.State.EXPIRED);
		CertificateInfo late = new CertificateInfo("caddy", Path.of("b.crt"), "b", Instant.EPOCH, 13,
				CertificateLifetime.State.RENEWAL_LATE);
		CertificateInfo failing = new CertificateInfo("caddy", Path.of("c.crt"), "c", Instant.EPOCH, 0,
				CertificateLifetime.State.RENEWAL_FAILING);
		CertificateInfo fine = new CertificateInfo("caddy", Path.of("d.crt"), "d", Instant.EPOCH, 0,
				CertificateLifetime.State.FINE);
		assertThat(expired.expired()).isTrue();
		assertThat(expired.failing()).isTrue();
		assertThat(expired.expiresSoon()).isFalse();
		assertThat(late.expiresSoon()).isTrue();
		assertThat(late.failing()).isFalse();
		assertThat(failing.expiresSoon()).isTrue();
		assertThat(failing.failing()).isTrue();
		assertThat(fine.expiresSoon()).isFalse();
		assertThat(fine.failing()).isFalse();
	}

	@Test
	void caddyStorageMissingGivesNoCertificate() throws IOException {
		try (var paths = Files.walk(this.root.resolve("var/lib/caddy"))) {
			paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		CertificateReport report = certificates().report();
		assertThat(report.certificates()).isEmpty();
		assertThat(report.soonest()).isEmpty();
		assertThat(report.problems()).isEmpty();
	}

}
