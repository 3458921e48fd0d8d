package postern.mail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import postern.PosternIntegrationTests;
import postern.audit.CommandLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.Pageable;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Pages over a maddy.conf whose names come from maddy's environment: loading them again
 * does not ask systemctl again (counted in the command log); a restart of maddy from
 * /services makes the next page show the unit's new environment.
 */
@AutoConfigureMockMvc
class MaddyEnvironmentPagesTests extends PosternIntegrationTests {

	private static final String ENVIRONMENT_COMMAND = "--property=Environment,EnvironmentFiles";

	private static final String CONF = """
			$(hostname) = mx1.xoyize.xyz
			$(primary_domain) = {env:MADDY_DOMAIN}
			$(local_domains) = $(primary_domain)

			storage.imapsql local_mailboxes {
			    dsn imapsql.db
			}

			msgpipeline local_routing {
			    destination postmaster $(local_domains) {
			        deliver_to &local_mailboxes
			    }
			}
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	CommandLog commandLog;

	Path maddyConf = SERVER.resolve("etc/maddy/maddy.conf");

	Path unit = SERVER.resolve("state/systemd/maddy.service");

	String maddyConfBefore;

	String unitBefore;

	@BeforeEach
	void containerConf() throws Exception {
		this.maddyConfBefore = Files.readString(this.maddyConf, StandardCharsets.UTF_8);
		this.unitBefore = Files.readString(this.unit, StandardCharsets.UTF_8);
		Files.writeString(this.maddyConf, CONF);
		setDomain("premier.example");
		// whatever an earlier test left known is forgotten, as after any restart
		restartMaddy();
	}

	@AfterEach
	void restore() throws Exception {
		Files.writeString(this.maddyConf, this.maddyConfBefore);
		Files.writeString(this.unit, this.unitBefore);
		restartMaddy();
	}

	@Test
	void twoPageLoadsAskTheUnitOnceAndARestartShowsItsNewEnvironment() throws Exception {
		long before = environmentCommands();
		domainsPage("premier.example", "second.example");
		domainsPage("premier.example", "second.example");
		assertThat(environmentCommands() - before).isEqualTo(1);

		setDomain("second.example");
		domainsPage("premier.example", "second.example");
		assertThat(environmentCommands() - before).as("kept until it can have changed").isEqualTo(1);

		restartMaddy();
		domainsPage("second.example", "premier.example");
		assertThat(environmentCommands() - before).isEqualTo(2);
	}

	private void domainsPage(String shown, String notShown) throws Exception {
		this.mvc.perform(get("/domains").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(shown)))
			.andExpect(content().string(not(containsString(notShown))));
	}

	private void restartMaddy() throws Exception {
		this.mvc.perform(post("/services/maddy/restart").with(user("admin").roles("ADMIN")).with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

	private void setDomain(String domain) throws Exception {
		Files.writeString(this.unit, this.unitBefore + "Environment=MADDY_DOMAIN=" + domain + "\n");
	}

	private long environmentCommands() {
		return this.commandLog.find(ENVIRONMENT_COMMAND, Pageable.ofSize(1)).getTotalElements();
	}

}
