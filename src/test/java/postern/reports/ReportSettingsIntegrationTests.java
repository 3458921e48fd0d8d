package postern.reports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

import postern.PosternIntegrationTests;
import postern.audit.AuditEvent;
import postern.audit.AuditLog;
import postern.mail.Mailboxes;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The settings page over the whole application, maddy's stand-in and the real database.
 */
@AutoConfigureMockMvc
class ReportSettingsIntegrationTests extends PosternIntegrationTests {

	private static final String PASSWORD = "imap secret 0f reports";

	@Autowired
	MockMvc mvc;

	@Autowired
	ReportsMailboxSettings settings;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AuditLog auditLog;

	@Autowired
	Mailboxes mailboxes;

	@Test
	void badFieldsAreRefusedNextToTheFieldAndNothingIsSaved() throws Exception {
		this.jdbc.update("delete from report_settings");
		this.mvc
			.perform(post("/reports/settings").with(csrf())
				.with(user("admin").roles("ADMIN"))
				.param("host", "imap.example.org; rm -rf /")
				.param("port", "70000")
				.param("username", "not an address")
				.param("password", "")
				.param("folder", "../../etc")
				.param("serverName", "-bad"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Give a host name or an IP address."),
					containsString("Give the mailbox&#39;s address"),
					containsString("Give the mailbox&#39;s password."),
					containsString("Letters, digits, spaces and . _ / - only"), containsString("Give a host name."))));
		assertThat(this.jdbc.queryForObject("select count(*) from report_settings", Integer.class)).isZero();
	}

	@Test
	void thePasswordIsSealedNeverShownAndNeverAudited() throws Exception {
		this.mvc
			.perform(post("/reports/settings").with(csrf())
				.with(user("admin").roles("ADMIN"))
				.param("host", "imap.example.org")
				.param("port", "993")
				.param("username", "dmarc@example.org")
				.param("password", PASSWORD)
				.param("folder", "INBOX")
				.param("serverName", ""))
			.andExpect(redirectedUrl("/reports/settings"));
		String sealed = this.jdbc.queryForObject("select password_sealed from report_settings", String.class);
		assertThat(sealed).doesNotContain(PASSWORD).doesNotContain("imap secret");
		MailboxSettings effective = this.settings.effective();
		assertThat(effective.password()).isEqualTo(PASSWORD);
		assertThat(effective.certificateName()).isEqualTo("imap.example.org");
		assertThat(effective.toString()).doesNotContain(PASSWORD);
		this.mvc.perform(get("/reports/settings").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("dmarc@example.org"), not(containsString(PASSWORD)))));
		// saved again without a password: the sealed one is kept
		this.mvc
			.perform(post("/reports/settings").with(csrf())
				.with(user("admin").roles("ADMIN"))
				.param("host", "")
				.param("port", "993")
				.param("username", "dmarc@example.org")
				.param("password", "")
				.param("folder", "Reports")
				.param("serverName", "imap.example.org"))
			.andExpect(redirectedUrl("/reports/settings"));
		assertThat(this.settings.effective().password()).isEqualTo(PASSWORD);
		assertThat(this.settings.effective().folder()).isEqualTo("Reports");
		List<AuditEvent> events = this.auditLog.latest(20);
		assertThat(events).anySatisfy((event) -> assertThat(event.getAction()).isEqualTo("reports.settings"));
		assertThat(events)
			.allSatisfy((event) -> assertThat(event.getDetail() + event.getTarget()).doesNotContain(PASSWORD));
		assertThat(Files.readAllBytes(SERVER.resolve("data/reports.key"))).hasSize(32);
		assertThat(new String(Files.readAllBytes(SERVER.resolve("data/reports.key")), StandardCharsets.ISO_8859_1))
			.isNotEmpty();
	}

	@Test
	void theMailboxIsCreatedThroughMaddyAndFillsTheSettings() throws Exception {
		String primary = this.settings.primaryDomain().orElseThrow();
		this.mvc.perform(post("/reports/settings/create-mailbox").with(csrf()).with(user("admin").roles("ADMIN")))
			.andExpect(redirectedUrl("/reports/settings"));
		String address = "reports@" + primary;
		assertThat(this.mailboxes.find(address)).isPresent();
		MailboxSettings effective = this.settings.effective();
		assertThat(effective.username()).isEqualTo(address);
		assertThat(effective.password()).hasSizeGreaterThanOrEqualTo(Mailboxes.MIN_PASSWORD_BYTES);
		assertThat(effective.isSet()).isTrue();
		assertThat(this.auditLog.latest(20))
			.anySatisfy((event) -> assertThat(event.getAction()).isEqualTo("reports.mailbox.create"))
			.allSatisfy(
					(event) -> assertThat(event.getDetail() + event.getTarget()).doesNotContain(effective.password()));
		// the other tests of this run share the server root and the database
		assertThat(this.mailboxes.delete(address, false).success()).isTrue();
		this.jdbc.update("delete from report_settings");
	}

}
