package postern.health;

import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

import postern.mail.MailDnsSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The DNS checks on answers made in the test: SPF terms and lookups, DKIM key sizes,
 * DMARC and TLS reporting records.
 */
class DnsChecksTests {

	private static final Expected EXPECTED = HealthFixtures.expected("example.test", Optional.empty());

	@Test
	void spfLookupsCountEveryMechanismThatAsksDnsThroughTheIncludesInEvaluationOrder() throws Exception {
		java.util.Map<String, String> spf = java.util.Map.of("example.test",
				"v=spf1 mx a:mx1.example.test include:_spf.other.test ip4:192.0.2.1 exists:%{i}.x.test ptr -all",
				"_spf.other.test", "v=spf1 a mx include:_deep.other.test ~all", "_deep.other.test",
				"v=spf1 a:one.test a:two.test a:three.test a:four.test -all");
		SpfLookups.Count count = SpfLookups
			.fetch("example.test", spf.get("example.test"),
					(name, type) -> java.util.concurrent.CompletableFuture.completedFuture((type == Type.TXT)
							? txt(name, spf.get(name))
							: new DnsAnswer(name + ".", type, DnsAnswer.Outcome.ANSWERED,
									name.equals("three.test") ? Rcode.NXDOMAIN : Rcode.NOERROR, false,
									name.startsWith("f") || name.startsWith("t") ? List.of()
											: List.of(new org.xbill.DNS.ARecord(Name.fromConstantString(name + "."),
													DClass.IN, 300, java.net.InetAddress.getLoopbackAddress())),
									null)))
			.thenApply(SpfLookups::count)
			.get();
		// mx, a:, include (3), a, mx, include (6), a:one, a:two, a:three, a:four (10),
		// exists, ptr (12): the 11th is the macro exists of the top record
		assertThat(count.lookups()).isEqualTo(12);
		assertThat(count.over()).isEqualTo("exists:%{i}.x.test");
		assertThat(count.voids()).isEqualTo(3);
		assertThat(count.voidNames()).containsExactly("two.test", "three.test", "four.test");
		assertThat(count.tree()).contains("    include:_deep.other.test  (6)")
			.contains("      a:four.test  (10)  void");
	}

	@Test
	void spfRangesMatchTheServerAddress() {
		assertThat(DnsChecks.inRange("192.0.2.10", "192.0.2.0/24")).isTrue();
		assertThat(DnsChecks.inRange("192.0.3.10", "192.0.2.0/24")).isFalse();
		assertThat(DnsChecks.inRange("2001:db8::1", "2001:db8::/32")).isTrue();
		assertThat(DnsChecks.inRange("192.0.2.10", "host.example.test")).isFalse();
	}

	@Test
	void spfWithAnIpAndTooManyLookupsIsAnError() throws Exception {
		CheckResult viaIp = DnsChecks.spf(EXPECTED, txt("example.test", "v=spf1 ip4:192.0.2.0/24 -all"),
				List.of("192.0.2.7"), List.of(), lookups(0));
		assertThat(viaIp.verdict()).isEqualTo(Verdict.OK);
		CheckResult tooMany = DnsChecks.spf(EXPECTED, txt("example.test", "v=spf1 mx -all"), List.of(), List.of(),
				new SpfLookups.Count(11, 0, "include:_spf.big.test → a:x.test", List.of(), List.of(), List.of(), ""));
		assertThat(tooMany.messageKey()).isEqualTo("health.spf.too-many-lookups");
		assertThat(tooMany.arguments()).containsExactly("11", "include:_spf.big.test → a:x.test");
		CheckResult passAll = DnsChecks.spf(EXPECTED, txt("example.test", "v=spf1 mx +all"), List.of(), List.of(),
				lookups(1));
		assertThat(passAll.verdict()).isEqualTo(Verdict.ERROR);
		CheckResult neutral = DnsChecks.spf(EXPECTED, txt("example.test", "v=spf1 mx"), List.of(), List.of(),
				lookups(1));
		assertThat(neutral.verdict()).isEqualTo(Verdict.WARNING);
		assertThat(neutral.fix()).contains("\"v=spf1 mx -all\"");
	}

	private static SpfLookups.Count lookups(int count) {
		return new SpfLookups.Count(count, 0, null, List.of(), List.of(), List.of(), "");
	}

	@Test
	void shortDkimKeysAreReported() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(1024);
		String record = "v=DKIM1; k=rsa; p="
				+ Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
		Expected expected = new Expected("example.test", HealthFixtures.MX, Optional.of(record),
				new MailDnsSet("example.test", "mx1.example.test", List.of(), true, false), Optional.empty());
		CheckResult result = DnsChecks.dkim(expected, txt("default._domainkey.example.test", record));
		assertThat(result.verdict()).isEqualTo(Verdict.WARNING);
		assertThat(result.messageKey()).isEqualTo("health.dkim.short");
		assertThat(result.arguments()).contains("1024");
	}

	@Test
	void dmarcWithoutPolicyAndTlsRptWithoutAddressAreErrors() throws Exception {
		assertThat(DnsChecks.dmarc(EXPECTED, txt("_dmarc.example.test", "v=DMARC1; rua=mailto:a@example.test"))
			.messageKey()).isEqualTo("health.dmarc.no-policy");
		assertThat(DnsChecks.dmarc(EXPECTED, txt("_dmarc.example.test", "v=DMARC1; p=none")).verdict())
			.isEqualTo(Verdict.WARNING);
		assertThat(DnsChecks.tlsRpt(EXPECTED, txt("_smtp._tls.example.test", "v=TLSRPTv1; rua=ftp://x")).messageKey())
			.isEqualTo("health.tlsrpt.bad-rua");
	}

	@Test
	void theConsentToReceiveAnotherDomainsReportsIsCheckedWhereItIsPublished() throws Exception {
		String name = "cinay.eu._report._dmarc.example.test";
		postern.mail.DnsRecord auth = new postern.mail.DnsRecord(name, "TXT", "v=DMARC1", "\"v=DMARC1\"",
				"dns.purpose.dmarc-report-auth");
		CheckResult published = DnsChecks.dmarcReportAuth("cinay.eu", auth, txt(name, "v=DMARC1"));
		assertThat(published.verdict()).isEqualTo(Verdict.OK);
		CheckResult missing = DnsChecks.dmarcReportAuth("cinay.eu", auth, txt(name, "v=spf1 -all"));
		assertThat(missing.verdict()).isEqualTo(Verdict.WARNING);
		assertThat(missing.messageKey()).isEqualTo("health.dmarc-report-auth.missing");
		assertThat(missing.fix()).contains(name).contains("v=DMARC1");
	}

	@Test
	void anyWellFormedMtaStsIdIsAcceptedAndWhatWasSeenIsKept() {
		Expected expected = HealthFixtures.expected("example.test", Optional.of(HealthFixtures.POLICY));
		CheckResult random = DnsChecks.mtaStsRecord(expected,
				txt("_mta-sts.example.test", "v=STSv1; id=8E5bpv87mdL4Jd3AL65Czp4DHbF7W6ky;"), HealthFixtures.POLICY);
		assertThat(random.verdict()).isEqualTo(Verdict.OK);
		assertThat(random.mtaStsSeen().id()).isEqualTo("8E5bpv87mdL4Jd3AL65Czp4DHbF7W6ky");
		assertThat(random.mtaStsSeen().policyDigest()).hasSize(64);
		assertThat(random.mtaStsSeen().newIdFix()).contains("id=" + HealthFixtures.STS_ID);

		CheckResult derived = DnsChecks.mtaStsRecord(expected,
				txt("_mta-sts.example.test", "v=STSv1; id=" + HealthFixtures.STS_ID), HealthFixtures.POLICY);
		assertThat(derived.verdict()).isEqualTo(Verdict.OK);
		assertThat(derived.mtaStsSeen().newIdFix()).doesNotContain("id=" + HealthFixtures.STS_ID + "\"")
			.containsPattern("id=[0-9a-f]{20}");

		CheckResult tooLong = DnsChecks.mtaStsRecord(expected,
				txt("_mta-sts.example.test", "v=STSv1; id=" + "a".repeat(33)), HealthFixtures.POLICY);
		assertThat(tooLong.messageKey()).isEqualTo("health.mta-sts.bad-id");
		assertThat(tooLong.mtaStsSeen()).isNull();
	}

	@Test
	void aPolicyChangedUnderTheSameIdIsAnErrorThatProposesANewId() {
		Expected expected = HealthFixtures.expected("example.test", Optional.of(HealthFixtures.POLICY));
		CheckResult seen = DnsChecks.mtaStsRecord(expected, txt("_mta-sts.example.test", "v=STSv1; id=handmade1"),
				HealthFixtures.POLICY);
		CheckResult changed = DnsChecks.mtaStsPolicyChanged(seen);
		assertThat(changed.verdict()).isEqualTo(Verdict.ERROR);
		assertThat(changed.messageKey()).isEqualTo("health.mta-sts.policy-changed");
		assertThat(changed.arguments()).containsExactly("handmade1");
		assertThat(changed.fix()).startsWith("_mta-sts.example.test.").contains("v=STSv1; id=" + HealthFixtures.STS_ID);
		assertThat(changed.mtaStsSeen()).isEqualTo(seen.mtaStsSeen());
	}

	@Test
	void ipv6AddressesAreWrittenShortInMessagesAndFixes() throws Exception {
		java.net.InetAddress published = java.net.InetAddress.getByName("2a02:c204:2231:478:0:0:0:2");
		DnsAnswer answer = new DnsAnswer("mx1.example.test.", Type.AAAA, DnsAnswer.Outcome.ANSWERED, Rcode.NOERROR,
				false, List.of(new org.xbill.DNS.AAAARecord(Name.fromConstantString("mx1.example.test."), DClass.IN,
						300, published)),
				null);
		CheckResult differs = DnsChecks.addresses("mx1.example.test", answer, List.of("2a02:c204:2231:478:0:0:0:1"));
		assertThat(differs.messageKey()).isEqualTo("health.address.differs");
		assertThat(differs.arguments()).containsExactly("mx1.example.test", "AAAA", "2a02:c204:2231:478::2",
				"2a02:c204:2231:478::1");
		assertThat(differs.fix()).endsWith("IN AAAA 2a02:c204:2231:478::1").doesNotContain(":0:");
		assertThat(DnsChecks.addresses("mx1.example.test", answer, List.of("2a02:c204:2231:478::2")).verdict())
			.isEqualTo(Verdict.OK);
	}

	private static DnsAnswer txt(String name, String text) {
		TXTRecord record = new TXTRecord(Name.fromConstantString(name + "."), DClass.IN, 300, text);
		return new DnsAnswer(name + ".", Type.TXT, DnsAnswer.Outcome.ANSWERED, Rcode.NOERROR, false, List.of(record),
				null);
	}

}
