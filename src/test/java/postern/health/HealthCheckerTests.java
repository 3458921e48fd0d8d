package postern.health;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import postern.PosternProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static postern.health.HealthFixtures.MX;
import static postern.health.HealthFixtures.POLICY;
import static postern.health.HealthFixtures.STS_ID;
import static postern.health.HealthFixtures.expected;
import static postern.health.HealthFixtures.zone;

/**
 * A whole run against a DNS server on loopback, with one correct domain and domains
 * broken in each way the checks detect, and TLS servers on loopback with certificates
 * from a test CA: each check gives the expected verdict and the record that fixes it.
 */
class HealthCheckerTests {

	static final TestCertificates CERTIFICATES = new TestCertificates();

	static final List<String> DOMAINS = List.of("good.test", "nospf.test", "twospf.test", "wrongdkim.test",
			"elsewhere.test", "badsts.test", "wrongmx.test", "badage.test", "nodmarc.test", "blockedcaa.test",
			"manyspf.test", "voidspf.test", "badinclude.test");

	static TestCertificates.Server mxCertificate;

	static ZoneDnsServer dns;

	static List<AutoCloseable> servers = new ArrayList<>();

	static PosternProperties.Ports ports;

	static ExecutorService pool = Executors.newFixedThreadPool(8);

	@TempDir
	static Path folder;

	static Path caFile;

	@BeforeAll
	static void startServers() {
		List<String> names = new ArrayList<>(List.of(MX));
		DOMAINS.forEach((domain) -> names.add("mta-sts." + domain));
		mxCertificate = CERTIFICATES.valid(names.toArray(String[]::new));
		dns = ZoneDnsServer.start(Duration.ZERO, HealthFixtures.reverseZone());
		dns.add(HealthFixtures.serverZone(TlsProbeResult.spkiSha256(mxCertificate.certificate()), "00".repeat(32)));
		dns.sign("example.test");
		dns.add(zone("good.test"));
		dns.sign("good.test");
		dns.add(broken("nospf.test", (text) -> text.replace("@ TXT \"v=spf1 mx -all\"\n", "")));
		dns.add(broken("twospf.test", (text) -> text.replace("@ TXT \"v=spf1 mx -all\"",
				"@ TXT \"v=spf1 mx -all\"\n@ TXT \"v=spf1 ip4:192.0.2.1 -all\"")));
		dns.add(broken("wrongdkim.test", (text) -> text.replaceAll("default._domainkey TXT .*",
				"default._domainkey TXT \"v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwrong\"")));
		dns.add(broken("elsewhere.test", (text) -> text.replace("@ MX 10 " + MX + ".", "@ MX 10 mx.other.test.")));
		dns.add(broken("badsts.test", (text) -> text.replace("id=" + STS_ID, "id=20240101T000000")));
		dns.add(zone("wrongmx.test"));
		dns.add(zone("badage.test"));
		dns.add(broken("nodmarc.test", (text) -> text.replaceAll("_dmarc TXT .*\n", "")));
		dns.add(broken("blockedcaa.test", (text) -> text.replace("letsencrypt.org", "sectigo.com")));
		dns.add(spf("manyspf.test", "v=spf1 mx include:_a.manyspf.test include:_b.manyspf.test -all",
				"_a TXT \"v=spf1 a:" + MX + " mx:manyspf.test ptr include:_c.manyspf.test -all\"",
				"_c TXT \"v=spf1 a:" + MX + " mx:manyspf.test exists:" + MX + " -all\"",
				"_b TXT \"v=spf1 a:" + MX + " mx:manyspf.test -all\""));
		dns.add(spf("voidspf.test", "v=spf1 mx a:gone1.voidspf.test a:gone2.voidspf.test a:gone3.voidspf.test -all"));
		dns.add(spf("badinclude.test", "v=spf1 mx include:_spf.badinclude.test -all"));

		TlsTestServer smtp = TlsTestServer.smtp(mxCertificate);
		TlsTestServer submission = TlsTestServer.smtp(mxCertificate);
		TlsTestServer smtps = TlsTestServer.implicit(mxCertificate);
		TlsTestServer imaps = TlsTestServer.implicit(mxCertificate);
		Map<String, String> policies = new java.util.HashMap<>();
		DOMAINS.forEach((domain) -> policies.put("mta-sts." + domain, POLICY));
		policies.put("mta-sts.wrongmx.test", POLICY.replace("mx: " + MX, "mx: mx9.other.test"));
		policies.put("mta-sts.badage.test", POLICY.replace("max_age: 604800", "max_age: 99999999999"));
		TlsTestServer https = TlsTestServer.https(mxCertificate, policies);
		servers.addAll(List.of(smtp, submission, smtps, imaps, https, dns));
		ports = new PosternProperties.Ports(smtp.port(), submission.port(), smtps.port(), imaps.port(), https.port());
		caFile = CERTIFICATES.writeCa(folder.resolve("ca.pem"));
	}

	static String broken(String domain, UnaryOperator<String> change) {
		String text = change.apply(zone(domain));
		assertThat(text).as("zone of " + domain + " changed").isNotEqualTo(zone(domain));
		return text;
	}

	/**
	 * A correct zone with another SPF record, and more records.
	 */
	static String spf(String domain, String record, String... more) {
		return broken(domain, (text) -> text.replace("@ TXT \"v=spf1 mx -all\"",
				"@ TXT \"" + record + "\"" + (more.length > 0 ? "\n" + String.join("\n", more) : "")));
	}

	@AfterAll
	static void stopServers() throws Exception {
		for (AutoCloseable server : servers) {
			server.close();
		}
		pool.shutdownNow();
	}

	static HealthChecker checker() {
		DnsClient client = new DnsClient(List.of(DnsClient.address(dns.address())), Duration.ofSeconds(2), null);
		TlsProbe probe = new TlsProbe(TlsTrust.withExtra(caFile), Duration.ofSeconds(5), Duration.ofSeconds(5));
		return new HealthChecker(client, probe, ports, pool, Clock.systemUTC());
	}

	static List<CheckResult> runAll() throws Exception {
		List<Expected> expected = DOMAINS.stream()
			.map((domain) -> expected(domain,
					domain.equals("wrongmx.test") || domain.equals("badage.test") ? Optional.empty()
							: Optional.of(POLICY)))
			.toList();
		HealthPlan plan = new HealthPlan(expected, MX, List.of("127.0.0.1"), List.of(), mxCertificate.certificate(),
				List.of());
		List<CheckResult> streamed = Collections.synchronizedList(new ArrayList<>());
		HealthChecker.Running running = checker().start(plan, streamed::add);
		List<CheckResult> results = running.done().get(30, TimeUnit.SECONDS);
		assertThat(results).hasSize(running.planned());
		assertThat(streamed).containsExactlyInAnyOrderElementsOf(results);
		return results;
	}

	static CheckResult result(List<CheckResult> results, String subject, String check) {
		return results.stream()
			.filter((result) -> result.subject().equals(subject) && result.check().equals(check))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + check + " for " + subject));
	}

	@Test
	void correctDomainPassesEveryCheck() throws Exception {
		List<CheckResult> results = runAll();
		List<CheckResult> good = results.stream().filter((result) -> result.subject().equals("good.test")).toList();
		assertThat(good).extracting(CheckResult::check)
			.containsExactlyInAnyOrder("mx", "spf", "dkim", "dmarc", "mta-sts", "mta-sts-policy", "tlsrpt", "caa",
					"dnssec");
		assertThat(good)
			.allSatisfy((result) -> assertThat(result.verdict()).as(result.toString()).isEqualTo(Verdict.OK));
	}

	@Test
	void serverChecksPassForTheMxHost() throws Exception {
		List<CheckResult> results = runAll();
		for (String check : List.of("mx-a", "mx-aaaa", "ptr", "tls-smtp", "tls-submission", "tls-smtps", "tls-imaps",
				"tlsa")) {
			CheckResult result = result(results, MX, check);
			assertThat(result.verdict()).as(result.toString()).isEqualTo(Verdict.OK);
		}
	}

	@Test
	void eachBrokenZoneGivesItsVerdictAndFix() throws Exception {
		List<CheckResult> results = runAll();
		CheckResult noSpf = result(results, "nospf.test", "spf");
		assertThat(noSpf.verdict()).isEqualTo(Verdict.ERROR);
		assertThat(noSpf.messageKey()).isEqualTo("health.spf.missing");
		assertThat(noSpf.fix()).contains("nospf.test.").contains("IN TXT \"v=spf1 mx -all\"");

		CheckResult twoSpf = result(results, "twospf.test", "spf");
		assertThat(twoSpf.verdict()).isEqualTo(Verdict.ERROR);
		assertThat(twoSpf.messageKey()).isEqualTo("health.spf.several");

		CheckResult dkim = result(results, "wrongdkim.test", "dkim");
		assertThat(dkim.verdict()).isEqualTo(Verdict.ERROR);
		assertThat(dkim.messageKey()).isEqualTo("health.dkim.differs");
		assertThat(dkim.fix()).startsWith("default._domainkey.wrongdkim.test.").contains(DKIM_START);

		CheckResult mx = result(results, "elsewhere.test", "mx");
		assertThat(mx.verdict()).isEqualTo(Verdict.ERROR);
		assertThat(mx.messageKey()).isEqualTo("health.mx.elsewhere");
		assertThat(mx.arguments()).containsExactly("mx.other.test", MX);
		assertThat(mx.fix()).contains("IN MX 10 mx1.example.test.");

		// an id chosen by hand is right: only a policy changed under it since an earlier
		// run is wrong
		CheckResult sts = result(results, "badsts.test", "mta-sts");
		assertThat(sts.verdict()).isEqualTo(Verdict.OK);
		assertThat(sts.arguments()).containsExactly("20240101T000000");

		CheckResult dmarc = result(results, "nodmarc.test", "dmarc");
		assertThat(dmarc.verdict()).isEqualTo(Verdict.ERROR);
		assertThat(dmarc.fix()).contains("_dmarc.nodmarc.test.").contains("v=DMARC1; p=quarantine");

		CheckResult caa = result(results, "blockedcaa.test", "caa");
		assertThat(caa.verdict()).isEqualTo(Verdict.ERROR);
		assertThat(caa.fix()).contains("CAA 0 issue \"letsencrypt.org\"");

		assertThat(result(results, "nospf.test", "dnssec").verdict()).isEqualTo(Verdict.WARNING);
		assertThat(result(results, "good.test", "dnssec").verdict()).isEqualTo(Verdict.OK);
	}

	static final String DKIM_START = HealthFixtures.DKIM.substring(0, 40);

	@Test
	void spfLookupsAreCountedThroughTheIncludesWithTheResolver() throws Exception {
		List<CheckResult> results = runAll();
		CheckResult many = result(results, "manyspf.test", "spf");
		assertThat(many.verdict()).isEqualTo(Verdict.ERROR);
		assertThat(many.messageKey()).isEqualTo("health.spf.too-many-lookups");
		assertThat(many.arguments()).containsExactly("12", "include:_b.manyspf.test → a:" + MX);
		assertThat(many.fix()).contains("IN TXT \"v=spf1 mx -all\"");
		assertThat(many.detail()).contains("  include:_a.manyspf.test  (2)")
			.contains("    include:_c.manyspf.test  (6)")
			.contains("  include:_b.manyspf.test  (10)");

		CheckResult voids = result(results, "voidspf.test", "spf");
		assertThat(voids.verdict()).isEqualTo(Verdict.ERROR);
		assertThat(voids.messageKey()).isEqualTo("health.spf.too-many-void");
		assertThat(voids.arguments()).containsExactly("3",
				"gone1.voidspf.test, gone2.voidspf.test, gone3.voidspf.test");

		CheckResult missing = result(results, "badinclude.test", "spf");
		assertThat(missing.verdict()).isEqualTo(Verdict.ERROR);
		assertThat(missing.messageKey()).isEqualTo("health.spf.include-missing");
		assertThat(missing.arguments()).containsExactly("include:_spf.badinclude.test");

		CheckResult good = result(results, "good.test", "spf");
		assertThat(good.messageKey()).isEqualTo("health.spf.ok");
		assertThat(good.arguments()).containsExactly("v=spf1 mx -all", "1");
	}

	@Test
	void mtaStsPolicyWithWrongMxOrBadMaxAgeIsAnError() throws Exception {
		List<CheckResult> results = runAll();
		CheckResult wrongMx = result(results, "wrongmx.test", "mta-sts-policy");
		assertThat(wrongMx.verdict()).isEqualTo(Verdict.ERROR);
		assertThat(wrongMx.messageKey()).isEqualTo("health.policy.mx-not-covered");
		assertThat(wrongMx.arguments()).containsExactly(MX, "mx9.other.test");
		CheckResult badAge = result(results, "badage.test", "mta-sts-policy");
		assertThat(badAge.verdict()).isEqualTo(Verdict.ERROR);
		assertThat(badAge.messageKey()).isEqualTo("health.policy.max-age");
		assertThat(result(results, "good.test", "mta-sts-policy").detail()).isEqualTo(POLICY);
	}

	@Test
	void tlsaThatMatchesNoServedKeyIsAnErrorWithTheRecordToPublish() throws Exception {
		try (ZoneDnsServer other = ZoneDnsServer.start(Duration.ZERO, HealthFixtures.reverseZone(),
				HealthFixtures.serverZone("11".repeat(32)))) {
			other.sign("example.test");
			DnsClient client = new DnsClient(List.of(DnsClient.address(other.address())), Duration.ofSeconds(2), null);
			TlsProbe probe = new TlsProbe(TlsTrust.withExtra(caFile), Duration.ofSeconds(5), Duration.ofSeconds(5));
			HealthChecker checker = new HealthChecker(client, probe, ports, pool, Clock.systemUTC());
			HealthPlan plan = new HealthPlan(List.of(), MX, List.of("127.0.0.1"), List.of(),
					mxCertificate.certificate(), List.of());
			List<CheckResult> results = checker.start(plan, (result) -> {
			}).done().get(30, TimeUnit.SECONDS);
			CheckResult tlsa = result(results, MX, "tlsa");
			assertThat(tlsa.verdict()).isEqualTo(Verdict.ERROR);
			assertThat(tlsa.messageKey()).isEqualTo("health.tlsa.mismatch");
			assertThat(tlsa.fix()).isEqualTo("_25._tcp.mx1.example.test.        3600 IN TLSA 3 1 1 "
					+ TlsProbeResult.spkiSha256(mxCertificate.certificate()));
		}
	}

	@Test
	void eachAddressOfTheServerIsProbed() throws Exception {
		TestCertificates.Server expired = CERTIFICATES.server(TestCertificates.days(-30), TestCertificates.days(-1),
				false, MX);
		try (TlsTestServer both = TlsTestServer.implicitOnBothLoopbacks(mxCertificate, expired)) {
			DnsClient client = new DnsClient(List.of(DnsClient.address(dns.address())), Duration.ofSeconds(2), null);
			TlsProbe probe = new TlsProbe(TlsTrust.withExtra(caFile), Duration.ofSeconds(5), Duration.ofSeconds(5));
			PosternProperties.Ports imapsOnBoth = new PosternProperties.Ports(ports.smtp(), ports.submission(),
					ports.smtps(), both.port(), ports.https());
			HealthPlan plan = new HealthPlan(List.of(), MX, List.of("127.0.0.1"), List.of("::1"),
					mxCertificate.certificate(), List.of());
			List<CheckResult> results = new HealthChecker(client, probe, imapsOnBoth, pool, Clock.systemUTC())
				.start(plan, (r) -> {
				}, (subject, check) -> check.equals("tls-imaps") || check.equals("ptr"), false)
				.done()
				.get(30, TimeUnit.SECONDS);
			List<CheckResult> tls = results.stream().filter((result) -> result.check().equals("tls-imaps")).toList();
			assertThat(tls).hasSize(2);
			assertThat(tls).anySatisfy((result) -> {
				assertThat(result.verdict()).isEqualTo(Verdict.OK);
				assertThat(result.arguments().get(0)).isEqualTo(MX + ":" + both.port() + " (127.0.0.1)");
				assertThat(result.address()).isEqualTo("127.0.0.1");
			});
			assertThat(tls).anySatisfy((result) -> {
				assertThat(result.verdict()).isEqualTo(Verdict.ERROR);
				assertThat(result.messageKey()).isEqualTo("health.tls.expired");
				assertThat(result.arguments().get(0)).isEqualTo(MX + ":" + both.port() + " (::1)");
				assertThat(result.address()).isEqualTo("::1");
			});
			// each address has its own reverse DNS row too
			assertThat(results).filteredOn((result) -> result.check().equals("ptr"))
				.extracting(CheckResult::address)
				.containsExactlyInAnyOrder("127.0.0.1", "::1");
		}
	}

	@Test
	void tlsaWithOneRecordWarnsAndOnUnsignedZoneIsAnError() throws Exception {
		String hash = TlsProbeResult.spkiSha256(mxCertificate.certificate());
		try (ZoneDnsServer single = ZoneDnsServer.start(Duration.ZERO, HealthFixtures.serverZone(hash))) {
			single.sign("example.test");
			assertThat(tlsaOf(single).messageKey()).isEqualTo("health.tlsa.single");
		}
		try (ZoneDnsServer unsigned = ZoneDnsServer.start(Duration.ZERO, HealthFixtures.serverZone(hash))) {
			CheckResult tlsa = tlsaOf(unsigned);
			assertThat(tlsa.verdict()).isEqualTo(Verdict.ERROR);
			assertThat(tlsa.messageKey()).isEqualTo("health.tlsa.unsigned");
		}
	}

	private CheckResult tlsaOf(ZoneDnsServer server) throws Exception {
		DnsClient client = new DnsClient(List.of(DnsClient.address(server.address())), Duration.ofSeconds(2), null);
		TlsProbe probe = new TlsProbe(TlsTrust.withExtra(caFile), Duration.ofSeconds(5), Duration.ofSeconds(5));
		HealthPlan plan = new HealthPlan(List.of(), MX, List.of("127.0.0.1"), List.of(), mxCertificate.certificate(),
				List.of());
		List<CheckResult> results = new HealthChecker(client, probe, ports, pool, Clock.systemUTC())
			.start(plan, (r) -> {
			})
			.done()
			.get(30, TimeUnit.SECONDS);
		return result(results, MX, "tlsa");
	}

	@Test
	void aResolverThatNeverAnswersGivesCouldNotCheckNeverAnError() throws Exception {
		try (ZoneDnsServer mute = ZoneDnsServer.start(Duration.ZERO, zone("good.test"))) {
			mute.silence("good.test");
			DnsClient client = new DnsClient(List.of(DnsClient.address(mute.address())), Duration.ofMillis(300), null);
			TlsProbe probe = new TlsProbe(TlsTrust.withExtra(caFile), Duration.ofSeconds(2), Duration.ofSeconds(2));
			HealthPlan plan = new HealthPlan(List.of(expected("good.test", Optional.of(POLICY))), null, List.of(),
					List.of(), null, List.of());
			List<CheckResult> results = new HealthChecker(client, probe, ports, pool, Clock.systemUTC())
				.start(plan, (r) -> {
				})
				.done()
				.get(30, TimeUnit.SECONDS);
			CheckResult mx = result(results, "good.test", "mx");
			assertThat(mx.verdict()).isEqualTo(Verdict.UNKNOWN);
			assertThat(mx.messageKey()).isEqualTo("health.could-not-check");
			assertThat(mx.arguments()).contains("no answer in time");
			assertThat(result(results, "good.test", "dmarc").verdict()).isEqualTo(Verdict.OK);
		}
	}

	@Test
	void nameServerThatServesAnotherZoneIsReported() throws Exception {
		try (ZoneDnsServer stale = ZoneDnsServer.start(Duration.ZERO,
				broken("good.test", (text) -> text.replace("@ MX 10 " + MX + ".", "@ MX 10 old-mx.example.test.")));
				ZoneDnsServer same = ZoneDnsServer.start(Duration.ZERO, zone("good.test"))) {
			assertThat(nameServers(stale).verdict()).isEqualTo(Verdict.WARNING);
			assertThat(nameServers(stale).messageKey()).isEqualTo("health.ns.disagree");
			assertThat(nameServers(stale).arguments()).containsExactly("ns1.example.test");
			assertThat(nameServers(same).verdict()).isEqualTo(Verdict.OK);
		}
	}

	private CheckResult nameServers(ZoneDnsServer authoritative) throws Exception {
		DnsClient client = new DnsClient(List.of(DnsClient.address(dns.address())), Duration.ofSeconds(2), null);
		TlsProbe probe = new TlsProbe(TlsTrust.withExtra(caFile), Duration.ofSeconds(5), Duration.ofSeconds(5));
		int port = Integer.parseInt(authoritative.address().substring(authoritative.address().indexOf(':') + 1));
		HealthChecker checker = new HealthChecker(client, probe, ports, pool, Clock.systemUTC(), port);
		HealthPlan plan = new HealthPlan(List.of(expected("good.test", Optional.of(POLICY))), null, List.of(),
				List.of(), null, List.of());
		List<CheckResult> results = checker.start(plan, (r) -> {
		}, (subject, check) -> check.equals("ns-agree"), false).done().get(30, TimeUnit.SECONDS);
		return result(results, "good.test", "ns-agree");
	}

}
