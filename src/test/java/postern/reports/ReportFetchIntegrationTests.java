package postern.reports;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;

import postern.api.ApiScope;
import postern.api.ApiTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Fetching from a real dovecot over IMAPS: its certificate names
 * {@code imap.example.test} while Postern connects to 127.0.0.1, trusted through
 * {@code postern.health.trust-store}.
 */
@AutoConfigureMockMvc
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportFetchIntegrationTests extends DovecotIntegrationTests {

	@Autowired
	ReportFetcher fetcher;

	@Autowired
	ReportStore store;

	@Autowired
	MockMvc mvc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	StoredReportRepository reports;

	@Autowired
	DmarcRowRepository dmarcRows;

	@Autowired
	UnreadableMessageRepository unreadable;

	@Autowired
	ReportFetchRepository fetches;

	@DynamicPropertySource
	static void mailbox(DynamicPropertyRegistry registry) {
		registry.add("postern.reports.imap.host", () -> "127.0.0.1");
		registry.add("postern.reports.imap.port", () -> dovecot.port());
		registry.add("postern.reports.imap.username", () -> TestDovecot.USER);
		registry.add("postern.reports.imap.password", () -> TestDovecot.PASSWORD);
		registry.add("postern.reports.imap.server-name", () -> TestDovecot.SERVER_NAME);
	}

	@Test
	@Order(1)
	void reportsAreStoredOnceMovedAsideAndOtherMailIsLeftUnread() throws Exception {
		LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
		dovecot.deliver("INBOX", ReportMails.mailbox(yesterday));

		FetchOutcome first = this.fetcher.fetch().orElseThrow();
		assertThat(first).isEqualTo(new FetchOutcome(4, 1, 3, null));
		assertThat(dovecot.list("INBOX")).containsExactly(new TestDovecot.Seen("Lunch on Friday?", false));
		assertThat(dovecot.list("Postern/Processed")).hasSize(5);
		assertThat(dovecot.list("Postern/Unreadable")).hasSize(3);
		assertThat(this.unreadable.findTop20ByOrderByIdDesc()).extracting(UnreadableMessage::getReasonKey)
			.containsExactly("reports.unreadable.too-large", "reports.unreadable.dtd", "reports.unreadable.xml");
		long stored = this.reports.count();
		assertThat(this.dmarcRows.totals(yesterday.minusDays(6))).singleElement()
			.isEqualTo(new DomainTotals("example.org", 26, 19, 2));

		// the same report delivered once more, after the first fetch
		dovecot.deliver("INBOX", ReportMails.googleDmarc(yesterday));
		FetchOutcome second = this.fetcher.fetch().orElseThrow();
		assertThat(second).isEqualTo(new FetchOutcome(0, 1, 0, null));
		assertThat(this.reports.count()).isEqualTo(stored);
		assertThat(dovecot.list("INBOX")).containsExactly(new TestDovecot.Seen("Lunch on Friday?", false));
		assertThat(dovecot.list("Postern/Processed")).hasSize(6);
	}

	/**
	 * The same certificate and trust as the fetch above, only the name differs: the
	 * handshake fails.
	 */
	@Test
	void aCertificateWithoutTheServerNameOrAWrongPasswordIsRefused() {
		postern.health.TlsTrust trust = postern.health.TlsTrust.withExtra(dovecot.certificate());
		MailboxSettings otherName = new MailboxSettings("127.0.0.1", dovecot.port(), TestDovecot.USER,
				TestDovecot.PASSWORD, "INBOX", "mx1.example.org");
		assertThatExceptionOfType(jakarta.mail.MessagingException.class)
			.isThrownBy(() -> ReportMailbox.open(otherName, trust).close())
			.havingCause()
			.isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
		MailboxSettings wrongPassword = new MailboxSettings("127.0.0.1", dovecot.port(), TestDovecot.USER,
				"not the password", "INBOX", TestDovecot.SERVER_NAME);
		assertThatExceptionOfType(jakarta.mail.AuthenticationFailedException.class)
			.isThrownBy(() -> ReportMailbox.open(wrongPassword, trust).close());
		MailboxSettings untrusted = new MailboxSettings("127.0.0.1", dovecot.port(), TestDovecot.USER,
				TestDovecot.PASSWORD, "INBOX", TestDovecot.SERVER_NAME);
		assertThatExceptionOfType(jakarta.mail.MessagingException.class)
			.isThrownBy(() -> ReportMailbox.open(untrusted, postern.health.TlsTrust.withExtra(null)).close())
			.havingCause()
			.isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
	}

	private void storeFixtures(LocalDate day) throws Exception {
		ReportParser parser = new ReportParser(Decompression.DEFAULT);
		for (String name : java.util.List.of("dmarc-google.xml", "dmarc-microsoft.xml", "tlsrpt-google.json",
				"tlsrpt-microsoft.json")) {
			this.store.store(parser.parse(ReportParser.shapeOf(name, null), ReportFixtures.dated(name, day)),
					java.time.Instant.now());
		}
	}

	@Test
	void pagesShowEachDomainItsSendersReportersTlsFailuresAndChart() throws Exception {
		storeFixtures(LocalDate.now(ZoneOffset.UTC).minusDays(1));
		this.mvc.perform(get("/reports").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("data-domain=\"example.org\""),
					containsString("<td class=\"messages\">26</td>"), containsString("73 %"),
					containsString("href=\"/reports/example.org?days=30\""), containsString("Fetch now"),
					containsString("reports@example.org"))));
		String page = this.mvc.perform(get("/reports/example.org?days=7").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("198.51.100.7"), containsString("2001:db8:bad::9"),
					containsString("Unknown sender"), containsString("This server"), containsString("google.com"),
					containsString("Enterprise Outlook"), containsString("Google Inc."),
					containsString("certificate-expired"), containsString("sts-policy-invalid"),
					containsString("209.85.220.41"), containsString("mx1.example.org"), containsString("<svg"),
					containsString("class=\"fail\""))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String chart = page.substring(page.indexOf("<svg"), page.indexOf("</svg>"));
		assertThat(chart).contains("<rect", "fill=\"#c62828\"").doesNotContain("style", "script", "<foreignObject");
		// the server's own address comes before the unknown senders
		assertThat(page.indexOf("203.0.113.10")).isLessThan(page.indexOf("198.51.100.7"));
		this.mvc.perform(get("/reports/example.org?lang=fr").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Expéditeur inconnu")));
		this.mvc.perform(get("/reports/not a domain").with(user("admin").roles("ADMIN")))
			.andExpect(status().isNotFound());
	}

	@Test
	void aStoredReportShowsAtOnceOnPagesViewedBefore() throws Exception {
		LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(2);
		String domain = "kept.example.net";
		ReportParser parser = new ReportParser(Decompression.DEFAULT);
		this.mvc.perform(get("/reports/" + domain + "?days=7").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("203.0.113.10"))));
		this.mvc.perform(get("/reports?days=7").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("data-domain=\"" + domain + "\""))));
		byte[] report = new String(ReportFixtures.dated("dmarc-google.xml", day),
				java.nio.charset.StandardCharsets.UTF_8)
			.replace("example.org", domain)
			.replace("7912345678901234567", "kept-" + System.nanoTime())
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);

		this.store.store(parser.parse(ReportParser.Shape.DMARC_XML, report), java.time.Instant.now());

		this.mvc.perform(get("/reports/" + domain + "?days=7").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("203.0.113.10")));
		this.mvc.perform(get("/reports?days=7").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-domain=\"" + domain + "\"")));
	}

	@Test
	void theApiGivesTheSameFiguresAndIsDescribed() throws Exception {
		storeFixtures(LocalDate.now(ZoneOffset.UTC).minusDays(1));
		String token = "Bearer " + this.tokens.create("admin", "reports-" + System.nanoTime(), ApiScope.READ).secret();
		this.mvc.perform(get("/api/v1/reports?days=7").header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.days").value(7))
			.andExpect(jsonPath("$.domains[?(@.domain == 'example.org')].messages").value(26))
			.andExpect(jsonPath("$.domains[?(@.domain == 'example.org')].tlsFailed").value(3));
		this.mvc.perform(get("/api/v1/reports?domain=example.org").header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.detail.sources[0].sourceIp").value("203.0.113.10"))
			.andExpect(jsonPath("$.detail.tlsFailures[0].resultType").value("certificate-expired"))
			.andExpect(jsonPath("$.detail.daily.length()").value(30));
		this.mvc.perform(get("/api/v1/reports?domain=../etc&days=9").header("Authorization", token))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/openapi").header("Authorization", token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths['/api/v1/reports'].get").exists());
	}

	@Test
	void fetchNowRedirectsWithWhatItDid() throws Exception {
		this.mvc.perform(post("/reports/fetch").with(csrf()).with(user("admin").roles("ADMIN")))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/reports"));
		assertThat(this.fetches.findFirstByOrderByIdDesc()).isPresent();
	}

}
