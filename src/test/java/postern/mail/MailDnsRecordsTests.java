package postern.mail;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import postern.sites.MtaStsPolicy;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import postern.sites.SiteService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class MailDnsRecordsTests {

	private static final String SERVED = "version: STSv1\nmode: enforce\nmx: mx1.xoyize.xyz\nmax_age: 86400\n";

	private static final String RSA_2048 = "v=DKIM1; k=rsa; p="
			+ "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA".repeat(9);

	private final MailDomains domains = mock(MailDomains.class);

	private final DkimKeys dkimKeys = mock(DkimKeys.class);

	private final SiteService sites = mock(SiteService.class);

	private final MailDnsRecords records = new MailDnsRecords(this.domains, this.dkimKeys, this.sites,
			new StaticListableBeanFactory().getBeanProvider(ReportsAddress.class));

	@Test
	void withAReportsMailboxReportsGoThereAndOtherDomainsPublishTheirConsent() {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("reportsAddress", (ReportsAddress) () -> Optional.of("reports@xoyize.xyz"));
		MailDnsRecords withMailbox = new MailDnsRecords(this.domains, this.dkimKeys, this.sites,
				beans.getBeanProvider(ReportsAddress.class));
		given(this.domains.mxHost()).willReturn(Optional.of("mx1.xoyize.xyz"));

		MailDnsSet other = withMailbox.recordsOf("cinay.eu");
		assertThat(other.records()).extracting(DnsRecord::name, DnsRecord::value)
			.contains(
					org.assertj.core.groups.Tuple.tuple("_dmarc.cinay.eu",
							"v=DMARC1; p=quarantine; rua=mailto:reports@xoyize.xyz"),
					org.assertj.core.groups.Tuple.tuple("_smtp._tls.cinay.eu",
							"v=TLSRPTv1; rua=mailto:reports@xoyize.xyz"),
					org.assertj.core.groups.Tuple.tuple("cinay.eu._report._dmarc.xoyize.xyz", "v=DMARC1"));
		MailDnsSet own = withMailbox.recordsOf("xoyize.xyz");
		assertThat(own.records()).extracting(DnsRecord::purposeKey).doesNotContain("dns.purpose.dmarc-report-auth");
	}

	@Test
	void aLongDkimKeyIsCutInto255ByteStringsThatJoinBack() {
		DkimRecord dkim = new DkimRecord("xoyize.xyz", "default", RSA_2048);
		assertThat(dkim.name()).isEqualTo("default._domainkey.xoyize.xyz");
		assertThat(dkim.strings()).hasSize(2).allMatch((string) -> string.length() <= 255);
		assertThat(String.join("", dkim.strings())).isEqualTo(RSA_2048);
		assertThat(dkim.zoneValue()).isEqualTo("\"" + dkim.strings().get(0) + "\" \"" + dkim.strings().get(1) + "\"");
	}

	@Test
	void everyRecordOfADomainComesFromTheServersState() {
		given(this.domains.mxHost()).willReturn(Optional.of("mx1.xoyize.xyz"));
		given(this.dkimKeys.find("cinay.eu")).willReturn(Optional.of(new DkimRecord("cinay.eu", "default", RSA_2048)));
		given(this.sites.servedMtaStsPolicy("cinay.eu")).willReturn(Optional.of(SERVED));

		MailDnsSet set = this.records.recordsOf("cinay.eu");

		assertThat(set.dkimKnown()).isTrue();
		assertThat(set.mtaStsServed()).isTrue();
		assertThat(set.records()).extracting(DnsRecord::name, DnsRecord::type, DnsRecord::value)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("cinay.eu", "MX", "10 mx1.xoyize.xyz"),
					org.assertj.core.groups.Tuple.tuple("cinay.eu", "TXT", "v=spf1 mx -all"),
					org.assertj.core.groups.Tuple.tuple("default._domainkey.cinay.eu", "TXT", RSA_2048),
					org.assertj.core.groups.Tuple.tuple("_dmarc.cinay.eu", "TXT",
							"v=DMARC1; p=quarantine; rua=mailto:postmaster@cinay.eu"),
					org.assertj.core.groups.Tuple.tuple("_mta-sts.cinay.eu", "TXT",
							"v=STSv1; id=" + MtaStsPolicy.idOf(SERVED)),
					org.assertj.core.groups.Tuple.tuple("_smtp._tls.cinay.eu", "TXT",
							"v=TLSRPTv1; rua=mailto:postmaster@cinay.eu"),
					org.assertj.core.groups.Tuple.tuple("cinay.eu", "CAA", "0 issue \"letsencrypt.org\""));
		assertThat(set.zoneSnippet()).contains("cinay.eu.                         3600 IN MX 10 mx1.xoyize.xyz.\n")
			.contains("default._domainkey.cinay.eu.      3600 IN TXT \"v=DKIM1; k=rsa; p=")
			.contains("_smtp._tls.cinay.eu.              3600 IN TXT \"v=TLSRPTv1; rua=mailto:postmaster@cinay.eu\"");
	}

	@Test
	void aDomainWithoutItsKeyYetSaysSoAndHasNoDkimRecord() {
		given(this.domains.mxHost()).willReturn(Optional.of("mx1.xoyize.xyz"));
		given(this.dkimKeys.find("new.example")).willReturn(Optional.empty());

		MailDnsSet set = this.records.recordsOf("new.example");

		assertThat(set.dkimKnown()).isFalse();
		assertThat(set.records()).extracting(DnsRecord::purposeKey).doesNotContain("dns.purpose.dkim");
	}

	@Test
	void withoutAServedPolicyTheIdIsThatOfThePolicyPosternWouldPublish() {
		given(this.domains.mxHost()).willReturn(Optional.of("mx1.xoyize.xyz"));
		given(this.dkimKeys.find("new.example")).willReturn(Optional.empty());
		given(this.sites.servedMtaStsPolicy("new.example")).willReturn(Optional.empty());

		MailDnsSet set = this.records.recordsOf("new.example");

		assertThat(set.mtaStsServed()).isFalse();
		String proposed = "version: STSv1\nmode: testing\nmx: mx1.xoyize.xyz\nmax_age: 604800\n";
		assertThat(set.records()).filteredOn((record) -> record.name().equals("_mta-sts.new.example"))
			.extracting(DnsRecord::value)
			.containsExactly("v=STSv1; id=" + MtaStsPolicy.idOf(proposed));
	}

}
