package postern.system.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import postern.change.ChangeFixtures;
import postern.host.Hosts;
import postern.infrastructure.FlashMessage;
import postern.system.CommandOutcome;
import postern.system.Fail2ban;
import postern.system.Fail2banStatus;
import postern.system.Fail2banStatus.State;
import postern.system.JailStatus;
import postern.system.Recent;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = Fail2banController.class, properties = "spring.messages.basename=messages,i18n/services")
@WithMockUser
class Fail2banControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Fail2ban fail2ban;

	@MockitoBean
	Hosts hosts;

	@BeforeEach
	void currentHost() {
		ChangeFixtures.currentHostNamed(this.hosts, "vps");
	}

	private static CommandOutcome outcome(int exit, String stdout, String stderr, boolean started) {
		return new CommandOutcome("sudo -n fail2ban-client status", exit, stdout, stderr, Duration.ZERO, false,
				started);
	}

	@Test
	void pageListsJailsWithTotalsAndUnbanForms() throws Exception {
		given(this.fail2ban.recentStatus()).willReturn(
				new Recent<>(
						new Fail2banStatus(State.RUNNING,
								List.of(new JailStatus("maddy-auth", 1, 37, 2, 9,
										List.of("203.0.113.7", "2001:db8::66")),
										new JailStatus("sshd", 0, 0, 0, 0, List.of())),
								outcome(0, "", "", true)),
						Duration.ofMillis(1500)));

		this.mvc.perform(get("/services/fail2ban"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("2 jails, 2 addresses banned now, 9 bans"),
					containsString("action=\"/services/fail2ban/maddy-auth/unban\""),
					containsString("value=\"2001:db8::66\""), containsString("No address is banned in this jail."),
					containsString("name=\"_csrf\""), containsString("Read 1 s ago: read again every 2 s"))));
	}

	@Test
	void pageWhenFail2banIsMissingSaysSoPlainly() throws Exception {
		given(this.fail2ban.recentStatus()).willReturn(new Recent<>(new Fail2banStatus(State.NOT_INSTALLED, List.of(),
				outcome(1, "", "sudo: fail2ban-client: command not found", true)), Duration.ZERO));

		this.mvc.perform(get("/services/fail2ban"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("fail2ban is not installed on this server"),
					containsString("sudo: fail2ban-client: command not found"))));
	}

	@Test
	void unbanWithAWrongAddressRunsNothing() throws Exception {
		FlashMessage message = (FlashMessage) this.mvc
			.perform(post("/services/fail2ban/sshd/unban").param("ip", "1.2.3.4; rm -rf /").with(csrf()))
			.andExpect(redirectedUrl("/services/fail2ban"))
			.andReturn()
			.getFlashMap()
			.get(FlashMessage.ATTRIBUTE);
		assertThat(message.key()).isEqualTo("fail2ban.flash.invalid");
		verify(this.fail2ban, never()).unban(anyString(), anyString());
	}

	@Test
	void unbanFlashesTheResult() throws Exception {
		given(this.fail2ban.isJail("sshd")).willReturn(true);
		given(this.fail2ban.unban("sshd", "198.51.100.23")).willReturn(outcome(0, "1\n", "", true));

		FlashMessage message = (FlashMessage) this.mvc
			.perform(post("/services/fail2ban/sshd/unban").param("ip", " 198.51.100.23 ").with(csrf()))
			.andExpect(redirectedUrl("/services/fail2ban"))
			.andReturn()
			.getFlashMap()
			.get(FlashMessage.ATTRIBUTE);
		assertThat(message.key()).isEqualTo("fail2ban.flash.unbanned");
		assertThat(message.level()).isEqualTo("success");
	}

	@Test
	void unbanWithoutCsrfTokenRunsNothing() throws Exception {
		this.mvc.perform(post("/services/fail2ban/sshd/unban").param("ip", "198.51.100.23"))
			.andExpect(status().isForbidden());
		verify(this.fail2ban, never()).unban(anyString(), anyString());
	}

}
