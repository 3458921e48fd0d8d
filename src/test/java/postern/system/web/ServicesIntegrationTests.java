package postern.system.web;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import postern.PosternIntegrationTests;
import postern.audit.AuditLog;
import postern.infrastructure.FlashMessage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.Pageable;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The services pages over the whole application, with the stand-ins of systemctl,
 * journalctl, fail2ban-client and ufw run as real processes.
 */
@AutoConfigureMockMvc
class ServicesIntegrationTests extends PosternIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditLog auditLog;

	private static ResultMatcher flashKey(String key) {
		return (result) -> {
			Object message = result.getFlashMap().get(FlashMessage.ATTRIBUTE);
			assertThat(message).isInstanceOf(FlashMessage.class);
			assertThat(((FlashMessage) message).key()).isEqualTo(key);
		};
	}

	private static MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
		return request.with(user("admin").roles("ADMIN"));
	}

	@Test
	void servicesPageLoadsEachCardOnItsOwn() throws Exception {
		this.mvc.perform(admin(get("/services")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("hx-get=\"/services/caddy/card\""),
					containsString("hx-get=\"/services/maddy/card\""), containsString("href=\"/services/fail2ban\""),
					containsString("href=\"/services/firewall\""))));
	}

	@Test
	void cardShowsTheUnitsStateAndItsButtons() throws Exception {
		this.mvc.perform(admin(get("/services/maddy/card")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("maddy.service"), containsString("active (running)"),
					containsString("<dt>Since</dt>"), containsString("<dt>Main PID</dt>"), containsString("68.0 MiB"),
					containsString("action=\"/services/maddy/reload\""),
					containsString("action=\"/services/maddy/restart\""),
					containsString("data-confirm=\"Restart maddy?"), containsString("href=\"/services/maddy/logs\""),
					containsString("name=\"_csrf\""))));
		this.mvc.perform(admin(get("/services/caddy/card")))
			.andExpect(content().string(not(containsString("data-confirm"))));
	}

	@Test
	void reloadRunsSystemctlRedirectsAndShowsTheOutputOnTheCard() throws Exception {
		this.mvc.perform(admin(post("/services/maddy/reload")).with(csrf()))
			.andExpect(redirectedUrl("/services"))
			.andExpect(flashKey("services.flash.reload.ok"));
		this.mvc.perform(admin(get("/services/maddy/card")))
			.andExpect(content().string(allOf(containsString("Last action"),
					containsString("standin systemctl reload maddy.service"), containsString("Exit code 0."))));
		assertThat(Files.readString(SERVER.resolve("state/journal/maddy.service"))).contains("Reloaded maddy.service.");
		assertThat(this.auditLog.find("maddy.service", Pageable.ofSize(20)))
			.anySatisfy((event) -> assertThat(event.getAction()).isEqualTo("service.reload"));
	}

	@Test
	void reloadFromHtmxAnswersWithTheResultOnly() throws Exception {
		this.mvc.perform(admin(post("/services/caddy/reload")).with(csrf()).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("class=\"action-result\""), containsString("Reload of caddy.service"),
						containsString("caddy reload (postern.caddy.reload=systemctl)"),
						containsString("systemctl reload caddy.service: exit code 0"),
						containsString("caddy.service is active (running)"), not(containsString("<html")))));
	}

	@Test
	void failingReloadSaysSoWithTheOutput() throws Exception {
		Path unit = SERVER.resolve("state/systemd/caddy.service");
		String before = Files.readString(unit);
		Files.writeString(unit, before + "failing-reload\n");
		try {
			this.mvc.perform(admin(post("/services/caddy/reload")).with(csrf()).header("HX-Request", "true"))
				.andExpect(content().string(
						allOf(containsString("failed"), containsString("systemctl reload caddy.service: exit code 1"),
								containsString("Job for caddy.service failed"))));
		}
		finally {
			Files.writeString(unit, before);
		}
	}

	@Test
	void restartRunsSystemctlRestart() throws Exception {
		this.mvc.perform(admin(post("/services/caddy/restart")).with(csrf()))
			.andExpect(redirectedUrl("/services"))
			.andExpect(flash().attributeExists(FlashMessage.ATTRIBUTE));
		this.mvc.perform(admin(get("/services/caddy/card")))
			.andExpect(content().string(containsString("standin systemctl restart caddy.service")));
	}

	@Test
	void unknownUnitIsNotFound() throws Exception {
		this.mvc.perform(admin(get("/services/postfix/card"))).andExpect(status().isNotFound());
		this.mvc.perform(admin(get("/services/postfix/logs"))).andExpect(status().isNotFound());
		this.mvc.perform(admin(post("/services/postfix/reload")).with(csrf())).andExpect(status().isNotFound());
		this.mvc.perform(admin(post("/services/postfix/restart")).with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	void logsShowTheJournalAndFilterIt() throws Exception {
		this.mvc.perform(admin(get("/services/maddy/logs")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Logs of maddy.service"),
					containsString("journalctl -u maddy.service -n 200 --no-pager -o short-iso"),
					containsString("imap: listening on tls://0.0.0.0:993"),
					containsString("hx-get=\"/services/maddy/logs\""))));
		this.mvc
			.perform(admin(get("/services/maddy/logs").param("lines", "5").param("q", "AUTHENTICATION"))
				.header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"journal\""), containsString("-n 50 "),
					containsString("authentication failed"), not(containsString("imap: listening")),
					not(containsString("<html")))));
	}

	@Test
	void fail2banPageListsJailsAndUnbanLiftsABan() throws Exception {
		Files.writeString(SERVER.resolve("state/fail2ban/postern-test"), "192.0.2.77\n");
		this.mvc.perform(admin(get("/services/fail2ban")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("maddy-auth"), containsString("maddy-dictonary-attack"),
					containsString("203.0.113.7"), containsString("No address is banned in this jail."),
					containsString("action=\"/services/fail2ban/postern-test/unban\""),
					containsString("data-confirm=\"Unban 192.0.2.77 in postern-test?"))));

		this.mvc.perform(admin(post("/services/fail2ban/postern-test/unban")).param("ip", "192.0.2.77").with(csrf()))
			.andExpect(redirectedUrl("/services/fail2ban"))
			.andExpect(flashKey("fail2ban.flash.unbanned"));
		assertThat(Files.readString(SERVER.resolve("state/fail2ban/postern-test"))).isEmpty();
		assertThat(this.auditLog.find("192.0.2.77 in postern-test", Pageable.ofSize(5)))
			.anySatisfy((event) -> assertThat(event.getAction()).isEqualTo("fail2ban.unban"));

		this.mvc.perform(admin(post("/services/fail2ban/postern-test/unban")).param("ip", "192.0.2.77").with(csrf()))
			.andExpect(flashKey("fail2ban.flash.not-banned"));
		this.mvc.perform(admin(post("/services/fail2ban/postern-test/unban")).param("ip", "--all").with(csrf()))
			.andExpect(flashKey("fail2ban.flash.invalid"));
		Files.delete(SERVER.resolve("state/fail2ban/postern-test"));
	}

	@Test
	void firewallPageShowsRulesAndWarnsAboutClosedPorts() throws Exception {
		this.mvc.perform(admin(get("/services/firewall")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("80,443/tcp"), containsString("LIMIT IN"),
					containsString("not open from anywhere: 465."), containsString("Incoming by default"))));
	}

	@Test
	void pagesSpeakFrench() throws Exception {
		this.mvc.perform(admin(get("/services/firewall").param("lang", "fr")))
			.andExpect(content().string(containsString("fermés à tout le monde : 465.")));
	}

}
