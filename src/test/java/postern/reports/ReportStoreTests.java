package postern.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Storage against the real schema (Flyway's migrations, Hibernate validating them).
 */
@DataJpaTest(properties = "spring.jpa.hibernate.ddl-auto=validate", showSql = false)
class ReportStoreTests {

	private static final LocalDate SINCE = LocalDate.of(2026, 11, 1);

	@Autowired
	StoredReportRepository reports;

	@Autowired
	DmarcRowRepository dmarcRows;

	@Autowired
	TlsPolicyRowRepository tlsPolicies;

	@Autowired
	TlsFailureRowRepository tlsFailures;

	private ReportStore store;

	private final ReportParser parser = new ReportParser(Decompression.DEFAULT);

	@BeforeEach
	void store() {
		this.store = new ReportStore(this.reports, this.dmarcRows, this.tlsPolicies, this.tlsFailures);
	}

	private ParsedReport fixture(String name) throws UnreadableReportException {
		ReportParser.Shape shape = ReportParser.shapeOf(name, null);
		return this.parser.parse(shape, ReportFixtures.read(name));
	}

	@Test
	void aReportDeliveredTwiceIsStoredOnce() throws Exception {
		ReportStore.Stored first = this.store.store(fixture("dmarc-google.xml"), Instant.now());
		ReportStore.Stored again = this.store.store(fixture("dmarc-google.xml"), Instant.now());
		assertThat(first.isNew()).isTrue();
		assertThat(again.isNew()).isFalse();
		assertThat(again.alerts()).isEmpty();
		assertThat(this.reports.count()).isEqualTo(1);
		assertThat(this.dmarcRows.totals(SINCE)).containsExactly(new DomainTotals("example.org", 20, 15, 1));
	}

	@Test
	void recordsAreKeptPerSourceAddressAndAddUpAcrossReporters() throws Exception {
		this.store.store(fixture("dmarc-google.xml"), Instant.now());
		this.store.store(fixture("dmarc-microsoft.xml"), Instant.now());
		assertThat(this.dmarcRows.totals(SINCE)).containsExactly(new DomainTotals("example.org", 26, 19, 2));
		List<SourceVerdicts> sources = this.dmarcRows.sources("example.org", SINCE);
		assertThat(sources.get(0)).isEqualTo(new SourceVerdicts("203.0.113.10", "pass", "pass", true, "none", 16));
		assertThat(sources).extracting(SourceVerdicts::sourceIp)
			.containsExactlyInAnyOrder("203.0.113.10", "198.51.100.7", "2001:db8::25", "2001:db8:bad::9");
		assertThat(this.dmarcRows.days("example.org", SINCE))
			.containsExactly(new DayCount(LocalDate.of(2026, 12, 5), 19, 7));
		assertThat(this.reports.dmarcReporters("example.org", SINCE)).containsExactly(
				new ReporterCount("Enterprise Outlook", "dmarc", 1, 6),
				new ReporterCount("google.com", "dmarc", 1, 20));
		assertThat(this.dmarcRows.totals(LocalDate.of(2026, 12, 6))).isEmpty();
	}

	@Test
	void aFailingSourceIsAlertedTheFirstTimeItIsSeenOnly() throws Exception {
		ReportStore.Stored first = this.store.store(fixture("dmarc-google.xml"), Instant.now());
		assertThat(first.alerts()).singleElement().satisfies((alert) -> {
			assertThat(alert.messageKey()).isEqualTo("reports.alert.new-failing-source");
			assertThat(alert.arguments()).containsExactly("example.org", "198.51.100.7", 5L, "google.com");
		});
		byte[] sameSource = new String(ReportFixtures.read("dmarc-google.xml"), java.nio.charset.StandardCharsets.UTF_8)
			.replace("7912345678901234567", "7912345678901234568")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		ReportStore.Stored next = this.store.store(this.parser.parse(ReportParser.Shape.DMARC_XML, sameSource),
				Instant.now());
		assertThat(next.isNew()).isTrue();
		assertThat(next.alerts()).as("198.51.100.7 was seen before").isEmpty();
	}

	@Test
	void tlsSessionsAndFailuresAreKeptByResultType() throws Exception {
		ReportStore.Stored google = this.store.store(fixture("tlsrpt-google.json"), Instant.now());
		ReportStore.Stored microsoft = this.store.store(fixture("tlsrpt-microsoft.json"), Instant.now());
		assertThat(google.alerts()).extracting(ReportAlert::messageKey)
			.containsExactly("reports.alert.tls-failure", "reports.alert.tls-failure");
		assertThat(microsoft.alerts()).isEmpty();
		assertThat(this.tlsPolicies.totals(SINCE)).containsExactly(new TlsTotals("example.org", 57, 3));
		assertThat(this.tlsFailures.failures("example.org", SINCE)).containsExactly(
				new TlsFailureCount("certificate-expired", "209.85.220.41", "mx1.example.org", 2),
				new TlsFailureCount("sts-policy-invalid", "2001:db8:4860::1", "mx1.example.org", 1));
		assertThat(this.reports.tlsReporters("example.org", SINCE)).extracting(ReporterCount::reporter)
			.containsExactly("Google Inc.", "Microsoft Corporation");
	}

}
