package postern.reports;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReportParserTests {

	private final ReportParser parser = new ReportParser(Decompression.DEFAULT);

	@Test
	void plainDmarcXmlGivesEveryRecordWithItsVerdicts() throws Exception {
		DmarcReport report = (DmarcReport) this.parser.parse(ReportParser.Shape.DMARC_XML,
				ReportFixtures.read("dmarc-google.xml"));
		assertThat(report.reporter()).isEqualTo("google.com");
		assertThat(report.reportId()).isEqualTo("7912345678901234567");
		assertThat(report.domain()).isEqualTo("example.org");
		assertThat(report.policy()).isEqualTo("quarantine");
		assertThat(report.begin()).isEqualTo(Instant.ofEpochSecond(1796428800));
		assertThat(report.rows()).extracting(DmarcReport.Row::sourceIp)
			.containsExactly("203.0.113.10", "2001:db8::25", "198.51.100.7");
		assertThat(report.rows()).extracting(DmarcReport.Row::count).containsExactly(12L, 3L, 5L);
		assertThat(report.rows()).extracting(DmarcReport.Row::passes).containsExactly(true, true, false);
		assertThat(report.rows().get(2).disposition()).isEqualTo("quarantine");
		assertThat(report.rows().get(1).spf()).isEqualTo("fail");
	}

	@Test
	void gzipAndZipGiveTheSameReportAsPlain() throws Exception {
		byte[] xml = ReportFixtures.read("dmarc-microsoft.xml");
		ParsedReport plain = this.parser.parse(ReportParser.Shape.DMARC_XML, xml);
		assertThat(this.parser.parse(ReportParser.Shape.DMARC_GZIP, ReportFixtures.gzip(xml))).isEqualTo(plain);
		assertThat(this.parser.parse(ReportParser.Shape.DMARC_ZIP,
				ReportFixtures.zip("outlook.com!example.org!1796428800!1765065600.xml", xml)))
			.isEqualTo(plain);
		assertThat(((DmarcReport) plain).rows()).extracting(DmarcReport.Row::sourceIp)
			.containsExactly("203.0.113.10", "2001:db8:bad::9");
		String longForm = new String(xml, java.nio.charset.StandardCharsets.UTF_8).replace("2001:db8:bad::9",
				"2001:0DB8:0BAD:0000:0000:0000:0000:0009");
		DmarcReport written = (DmarcReport) this.parser.parse(ReportParser.Shape.DMARC_XML,
				longForm.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(written.rows().get(1).sourceIp()).as("RFC 5952 form").isEqualTo("2001:db8:bad::9");
	}

	@Test
	void tlsReportGivesSessionsAndFailuresByResultType() throws Exception {
		byte[] json = ReportFixtures.read("tlsrpt-google.json");
		TlsReport report = (TlsReport) this.parser.parse(ReportParser.Shape.TLS_GZIP, ReportFixtures.gzip(json));
		assertThat(report).isEqualTo(this.parser.parse(ReportParser.Shape.TLS_JSON, json));
		assertThat(report.reporter()).isEqualTo("Google Inc.");
		assertThat(report.begin()).isEqualTo(Instant.parse("2026-12-05T00:00:00Z"));
		TlsReport.Policy policy = report.policies().get(0);
		assertThat(policy.domain()).isEqualTo("example.org");
		assertThat(policy.successful()).isEqualTo(40);
		assertThat(policy.failed()).isEqualTo(3);
		assertThat(policy.failures()).containsExactly(
				new TlsReport.Failure("certificate-expired", "209.85.220.41", "mx1.example.org", 2),
				new TlsReport.Failure("sts-policy-invalid", "2001:db8:4860::1", "mx1.example.org", 1));
	}

	@Test
	void thousandsOfRecordsAreRead() throws Exception {
		byte[] packed = ReportFixtures.gzip(ReportFixtures.largeDmarc("large-1", 20_000));
		DmarcReport report = (DmarcReport) this.parser.parse(ReportParser.Shape.DMARC_GZIP, packed);
		assertThat(report.rows()).hasSize(20_000);
		assertThat(report.rows().get(19_999).sourceIp()).isEqualTo("10.0.78.31");
	}

	@Test
	void anExternalEntityIsRefusedAndNeverRead() {
		assertThatExceptionOfType(UnreadableReportException.class).isThrownBy(
				() -> this.parser.parse(ReportParser.Shape.DMARC_XML, ReportFixtures.read("dmarc-external-entity.xml")))
			.satisfies((ex) -> assertThat(ex.reasonKey()).isEqualTo("reports.unreadable.dtd"));
	}

	@Test
	void anInternalEntityExpansionIsRefused() {
		String billionLaughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
				+ "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><feedback>&lol2;</feedback>";
		assertThatExceptionOfType(UnreadableReportException.class).isThrownBy(
				() -> this.parser.parse(ReportParser.Shape.DMARC_XML, billionLaughs.getBytes(StandardCharsets.UTF_8)))
			.satisfies((ex) -> assertThat(ex.reasonKey()).isEqualTo("reports.unreadable.dtd"));
	}

	@Test
	void compressionBombsStopAtTheSizeOrRatioLimit() {
		// 200 MB in a few hundred kilobytes: the 20 MB limit comes before a ratio of 200
		byte[] bomb = ReportFixtures.gzipBomb();
		assertThat(bomb.length).isLessThan(1024 * 1024);
		assertThatExceptionOfType(UnreadableReportException.class)
			.isThrownBy(() -> this.parser.parse(ReportParser.Shape.DMARC_GZIP, bomb))
			.satisfies((ex) -> assertThat(ex.reasonKey()).isEqualTo("reports.unreadable.too-large"));
		assertThatExceptionOfType(UnreadableReportException.class)
			.isThrownBy(() -> this.parser.parse(ReportParser.Shape.DMARC_ZIP,
					ReportFixtures.zip("bomb.xml", new byte[30 * 1024 * 1024])))
			.satisfies((ex) -> assertThat(ex.reasonKey()).isEqualTo("reports.unreadable.ratio"));
	}

	@Test
	void aLargeFileStopsAtTheSizeLimitWhateverItsRatio() {
		Decompression small = new Decompression(64 * 1024, Integer.MAX_VALUE);
		byte[] packed = ReportFixtures.gzip(ReportFixtures.largeDmarc("large-2", 2_000));
		assertThatExceptionOfType(UnreadableReportException.class).isThrownBy(() -> small.gunzip(packed))
			.satisfies((ex) -> assertThat(ex.reasonKey()).isEqualTo("reports.unreadable.too-large"));
	}

	@Test
	void aReportCutShortIsAClearReason() {
		assertThatExceptionOfType(UnreadableReportException.class)
			.isThrownBy(
					() -> this.parser.parse(ReportParser.Shape.DMARC_XML, ReportFixtures.read("dmarc-cut-short.xml")))
			.satisfies((ex) -> assertThat(ex.reasonKey()).isEqualTo("reports.unreadable.xml"));
		byte[] gz = ReportFixtures.gzip(ReportFixtures.read("tlsrpt-google.json"));
		byte[] cut = java.util.Arrays.copyOf(gz, gz.length / 2);
		assertThatExceptionOfType(UnreadableReportException.class)
			.isThrownBy(() -> this.parser.parse(ReportParser.Shape.TLS_GZIP, cut))
			.satisfies((ex) -> assertThat(ex.reasonKey()).isEqualTo("reports.unreadable.gzip"));
	}

	@ParameterizedTest
	@CsvSource(delimiterString = "|", value = { "<feedback/>|reports.unreadable.missing",
			"not xml at all|reports.unreadable.xml",
			"<feedback><report_metadata><org_name>x</org_name><report_id>1</report_id><date_range><begin>soon</begin><end>1</end></date_range></report_metadata></feedback>|reports.unreadable.number",
			"<feedback><report_metadata><org_name>x</org_name><report_id>1</report_id><date_range><begin>1</begin><end>2</end></date_range></report_metadata><policy_published><domain>example.org</domain></policy_published><record><row><source_ip>999.1.1.1</source_ip><count>1</count></row></record></feedback>|reports.unreadable.address",
			"<feedback><report_metadata><org_name>x</org_name><report_id>1</report_id><date_range><begin>1</begin><end>2</end></date_range></report_metadata><policy_published><domain>../etc</domain></policy_published></feedback>|reports.unreadable.domain" })
	void malformedDmarcReportsGiveTheirReason(String xml, String reason) {
		assertThatExceptionOfType(UnreadableReportException.class)
			.isThrownBy(() -> this.parser.parse(ReportParser.Shape.DMARC_XML, xml.getBytes(StandardCharsets.UTF_8)))
			.satisfies((ex) -> assertThat(ex.reasonKey()).isEqualTo(reason));
	}

	@ParameterizedTest
	@CsvSource(delimiterString = "|", value = { "[]|reports.unreadable.json", "{|reports.unreadable.json",
			"{\"organization-name\":\"x\"}|reports.unreadable.missing",
			"{\"organization-name\":\"x\",\"report-id\":\"1\",\"date-range\":{\"start-datetime\":\"yesterday\",\"end-datetime\":\"2026-12-05T00:00:00Z\"}}|reports.unreadable.date",
			"{\"organization-name\":\"x\",\"report-id\":\"1\",\"date-range\":{\"start-datetime\":\"2026-12-05T00:00:00Z\",\"end-datetime\":\"2026-12-05T00:00:00Z\"},\"policies\":[{\"policy\":{\"policy-domain\":\"example.org\"},\"summary\":{\"total-successful-session-count\":-4}}]}|reports.unreadable.number" })
	void malformedTlsReportsGiveTheirReason(String json, String reason) {
		assertThatExceptionOfType(UnreadableReportException.class)
			.isThrownBy(() -> this.parser.parse(ReportParser.Shape.TLS_JSON, json.getBytes(StandardCharsets.UTF_8)))
			.satisfies((ex) -> assertThat(ex.reasonKey()).isEqualTo(reason));
	}

	@ParameterizedTest
	@CsvSource(delimiterString = "|", nullValues = "-",
			value = { "google.com!example.org!1796428800!1796515199.zip|application/zip|DMARC_ZIP",
					"enterprise.protection.outlook.com!example.org!1!2.xml.gz|application/gzip|DMARC_GZIP",
					"report.xml|text/xml|DMARC_XML",
					"google.com!example.org!1796428800!1796515199!001.json.gz|application/tlsrpt+gzip|TLS_GZIP",
					"-|application/tlsrpt+json|TLS_JSON", "-|application/tlsrpt+gzip|TLS_GZIP",
					"holiday.jpg|image/jpeg|-", "-|text/plain|-" })
	void partsAreToldApartByNameAndType(String name, String type, ReportParser.Shape shape) {
		assertThat(ReportParser.shapeOf(name, type)).isEqualTo(shape);
	}

}
