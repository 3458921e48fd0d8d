package postern.audit;

import java.util.List;

import org.junit.jupiter.api.Test;

import postern.PosternIntegrationTests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.Pageable;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Browsing the pages that read the server (lists, unit cards, fail2ban, the firewall,
 * logs) fills the command log, not the audit log: after it, the audit log's default view
 * and the dashboard's latest events show the mailbox just created, and the reads are one
 * filter away.
 */
@AutoConfigureMockMvc
class ActionsAndReadsIntegrationTests extends PosternIntegrationTests {

	/** Words of the read-only commands the pages below run. */
	private static final List<String> READS = List.of("creds list", "imap-acct list", " show ",
			"fail2ban-client status", "journalctl", "ufw status");

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditLog auditLog;

	@Autowired
	CommandLog commandLog;

	@Test
	void readsGoToTheCommandLogAndTheActionsStayInView() throws Exception {
		for (String page : List.of("/mailboxes", "/services/maddy/card", "/services/caddy/card", "/services/fail2ban",
				"/services/firewall", "/services/maddy/logs", "/dashboard/units", "/dashboard/counts", "/")) {
			this.mvc.perform(admin(get(page))).andExpect(status().isOk());
		}
		String localPart = "signal" + System.nanoTime();
		String address = localPart + "@xoyize.xyz";
		this.mvc
			.perform(admin(post("/mailboxes/new")).with(csrf())
				.param("localPart", localPart)
				.param("domain", "xoyize.xyz")
				.param("password", "a long enough passphrase")
				.param("passwordConfirm", "a long enough passphrase"))
			.andExpect(status().is3xxRedirection());

		List<AuditEvent> actions = this.auditLog.find(null, Pageable.ofSize(200)).getContent();
		assertThat(actions).noneSatisfy((event) -> assertThat(READS)
			.anySatisfy((read) -> assertThat(" " + event.getTarget() + " ").as(event.getAction()).contains(read)));
		assertThat(actions).anySatisfy((event) -> {
			assertThat(event.getAction()).isEqualTo("mailbox.create");
			assertThat(event.getTarget()).isEqualTo(address);
			// the action carries the commands it ran
			assertThat(event.getDetail()).contains("creds create " + address).contains("imap-acct create " + address);
		});

		String audit = body("/audit");
		assertThat(audit).contains("Created a mailbox").contains(address).doesNotContain("creds list");
		String dashboard = body("/");
		assertThat(dashboard).contains("Created a mailbox").contains(address).doesNotContain("creds list");

		String commands = body("/audit?log=commands");
		assertThat(commands).contains("creds list", "imap-acct list", "systemctl", "fail2ban-client", "journalctl",
				"ufw");
		assertThat(commands).doesNotContain("Created a mailbox");
		assertThat(commands)
			.containsPattern("<time datetime=\"\\d{4}-\\d{2}-\\d{2}T[^\"]+Z\">"
					+ "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}</time>")
			.containsPattern("<td>exit 0 in \\d+ ms</td>");
		assertThat(body("/audit?log=commands&lang=fr")).containsPattern("<td>code 0 en \\d+ ms</td>");
		assertThat(body("/audit?log=commands&q=journalctl")).contains("journalctl").doesNotContain("creds list");
	}

	@Test
	void theAuditPageLinksToTheCommandLog() throws Exception {
		assertThat(body("/audit")).contains("href=\"/audit?log=commands\"").contains("Commands that only read");
	}

	private String body(String url) throws Exception {
		return this.mvc.perform(admin(get(url)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
		return request.with(user("admin").roles("ADMIN"));
	}

}
