package postern.system.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import postern.change.ChangeFixtures;
import postern.host.Hosts;
import postern.system.CommandOutcome;
import postern.system.Firewall;
import postern.system.FirewallReport;
import postern.system.FirewallStatus;
import postern.system.Recent;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = FirewallController.class, properties = "spring.messages.basename=messages,i18n/services")
@WithMockUser
class FirewallControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Firewall firewall;

	@MockitoBean
	Hosts hosts;

	@BeforeEach
	void currentHost() {
		ChangeFixtures.currentHostNamed(this.hosts, "vps");
		given(this.firewall.neededPorts()).willReturn(List.of(25, 465, 587, 993, 443, 22));
	}

	private static CommandOutcome ok() {
		return new CommandOutcome("sudo -n ufw status verbose", 0, "", "", Duration.ZERO, false, true);
	}

	private static Recent<FirewallReport> read(FirewallReport report) {
		return new Recent<>(report, Duration.ofMillis(200));
	}

	@Test
	void activeFirewallWithEveryPortOpen() throws Exception {
		FirewallStatus status = FirewallStatus.parse("""
				Status: active
				Default: deny (incoming), allow (outgoing), disabled (routed)

				To                         Action      From
				--                         ------      ----
				22,25,443,465,587,993/tcp  ALLOW IN    Anywhere
				""");
		given(this.firewall.recentReport()).willReturn(read(new FirewallReport(status, List.of(), ok())));

		this.mvc.perform(get("/services/firewall"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Every port this server needs is open"),
					containsString("22,25,443,465,587,993/tcp"), not(containsString("/unban")),
					containsString("Read just now"))));
	}

	@Test
	void inactiveFirewallIsAWarning() throws Exception {
		given(this.firewall.recentReport())
			.willReturn(read(new FirewallReport(FirewallStatus.parse("Status: inactive\n"), List.of(), ok())));

		this.mvc.perform(get("/services/firewall"))
			.andExpect(content().string(containsString("ufw is installed but inactive")));
	}

	@Test
	void missingUfwIsSaidPlainly() throws Exception {
		given(this.firewall.recentReport())
			.willReturn(read(new FirewallReport(null, List.of(), new CommandOutcome("sudo -n ufw status verbose", 1, "",
					"sudo: ufw: command not found", Duration.ZERO, false, true))));

		this.mvc.perform(get("/services/firewall"))
			.andExpect(content().string(allOf(containsString("ufw is not installed on this server."),
					containsString("failed with exit code 1"))));
	}

}
