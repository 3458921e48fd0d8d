package postern.dashboard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import postern.PosternIntegrationTests;
import postern.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A systemctl that never answers is killed at the status timeout (1 s here), its card
 * says so, and the dashboard itself renders without waiting for it.
 */
@AutoConfigureMockMvc
@TestPropertySource(properties = "postern.systemctl.timeout=1s")
class DashboardTimeoutIntegrationTests extends PosternIntegrationTests {

	private static final Path HANG = SERVER.resolve("state/hang/systemctl");

	@Autowired
	MockMvc mvc;

	@Autowired
	AuditLog audit;

	private long commandsRun() {
		return this.audit.find("systemctl", Pageable.ofSize(1)).getTotalElements();
	}

	@AfterEach
	void answerAgain() throws Exception {
		Files.deleteIfExists(HANG);
	}

	@Test
	void hangingSystemctlIsKilledAndTheCardSaysSoWhileThePageRenders() throws Exception {
		Files.createDirectories(HANG.getParent());
		Files.writeString(HANG, "");

		long commandsBefore = commandsRun();
		this.mvc.perform(get("/").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hx-get=\"/dashboard/units\"")));
		assertThat(commandsRun()).as("the page itself runs no command").isEqualTo(commandsBefore);

		long started = System.nanoTime();
		this.mvc.perform(get("/dashboard/units").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("systemctl show"),
					containsString("caddy.service did not answer within 1 s and was stopped."),
					containsString("maddy.service did not answer within 1 s and was stopped."),
					containsString("hx-post=\"/services/caddy/reload\""))));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("two commands killed at 1 s each")
			.isLessThan(Duration.ofSeconds(30));

		this.mvc.perform(get("/services/caddy/card").with(user("admin").roles("ADMIN")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("did not answer within 1 s")));
	}

}
