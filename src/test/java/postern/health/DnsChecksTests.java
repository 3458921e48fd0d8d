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
	void spfLookupsCountEveryMechanismThatAsksDns() {
		assertThat(DnsChecks.ownLookups(
				"v=spf1 mx a:mx1.example.test include:_spf.other.test ip4:192.0.2.1 " + "exists:%{i}.x.test ptr -all"))
			.isEqualTo(5);
		assertThat(DnsChecks.includes("v=spf1 include:a.test ~include:b.test redirect=c.test"))
			.containsExactly("a.test", "b.test", "c.test");
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
				List.of("192.0.2.7"), List.of(), 0);
		assertThat(viaIp.verdict()).isEqualTo(Verdict.OK);
		CheckResult tooMany = DnsChecks.spf(EXPECTED, txt("example.test", "v=spf1 mx -all"), List.of(), List.of(), 11);
		assertThat(tooMany.messageKey()).isEqualTo("health.spf.too-many-lookups");
		CheckResult passAll = DnsChecks.spf(EXPECTED, txt("example.test", "v=spf1 mx +all"), List.of(), List.of(), 1);
		assertThat(passAll.verdict()).isEqualTo(Verdict.ERROR);
		CheckResult neutral = DnsChecks.spf(EXPECTED, txt("example.test", "v=spf1 mx"), List.of(), List.of(), 1);
		assertThat(neutral.verdict()).isEqualTo(Verdict.WARNING);
		assertThat(neutral.fix()).contains("\"v=spf1 mx -all\"");
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

	private static DnsAnswer txt(String name, String text) throws Exception {
		TXTRecord record = new TXTRecord(Name.fromString(name + "."), DClass.IN, 300, text);
		return new DnsAnswer(name + ".", Type.TXT, DnsAnswer.Outcome.ANSWERED, Rcode.NOERROR, false, List.of(record),
				null);
	}

}
