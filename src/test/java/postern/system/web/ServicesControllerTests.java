package postern.system.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import postern.change.ChangeFixtures;
import postern.host.Hosts;
import postern.infrastructure.FlashMessage;
import postern.system.CommandOutcome;
import postern.system.Journal;
import postern.system.JournalLine;
import postern.system.JournalTail;
import postern.system.Reading;
import postern.system.ServiceUnit;
import postern.system.SystemdUnits;
import postern.system.UnitAction;
import postern.system.UnitActions;
import postern.system.UnitStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(controllers = ServicesController.class, properties = "spring.messages.basename=messages,i18n/services")
@WithMockUser
class ServicesControllerTests {

	private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SystemdUnits systemd;

	@MockitoBean
	UnitActions actions;

	@MockitoBean
	Journal journal;

	@MockitoBean
	Hosts hosts;

	@BeforeEach
	void currentHost() {
		ChangeFixtures.currentHostNamed(this.hosts, "vps");
	}

	private static CommandOutcome outcome(String command, int exit, String stdout, boolean timedOut) {
		return new CommandOutcome(command, exit, stdout, "", Duration.ofSeconds(timedOut ? 10 : 0), timedOut, true);
	}

	@Test
	void servicesPageRunsNoCommand() throws Exception {
		this.mvc.perform(get("/services"))
			.andExpect(status().isOk())
			.andExpect(view().name(ServicesController.VIEW))
			.andExpect(content()
				.string(allOf(containsString("hx-get=\"/services/caddy/card\""), containsString("Asking systemd…"))));
		verifyNoInteractions(this.systemd, this.actions, this.journal);
	}

	@Test
	void cardWhenFailedUnitShowsItsStateAndLastAction() throws Exception {
		UnitStatus failed = new UnitStatus("maddy.service", "loaded", "failed", "failed", "Tue 2026-11-24 21:40:17 UTC",
				0, -1, 5);
		given(this.systemd.read(ServiceUnit.MADDY))
			.willReturn(new Reading<>(failed, outcome("systemctl show maddy.service", 0, "", false)));
		given(this.actions.last(ServiceUnit.MADDY)).willReturn(Optional.of(new UnitAction(ServiceUnit.MADDY,
				"maddy.service", "restart", "sudo -n systemctl restart maddy.service", false, 1,
				"Job for maddy.service failed because the control process exited with error code.", false, AT)));

		this.mvc.perform(get("/services/maddy/card"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("badge-error"), containsString("failed (failed)"),
					containsString("Tue 2026-11-24 21:40:17 UTC"), containsString("Restart of maddy.service"),
					containsString("Exit code 1."), containsString("Job for maddy.service failed"),
					containsString("data-confirm=\"Restart maddy?"))));
	}

	@Test
	void cardWhenSystemctlTimedOutSaysSo() throws Exception {
		given(this.systemd.read(ServiceUnit.CADDY)).willReturn(new Reading<>(UnitStatus.unknown("caddy.service"),
				outcome("sudo -n systemctl show caddy.service", -1, "", true)));

		this.mvc.perform(get("/services/caddy/card").param("lang", "fr"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"sudo -n systemctl show caddy.service n&#39;a pas répondu en 10 s et a été arrêté.")));
	}

	@Test
	void cardWhenUnitMissingNamesTheSetting() throws Exception {
		given(this.systemd.read(ServiceUnit.CADDY))
			.willReturn(new Reading<>(UnitStatus.parse("caddy.service", "LoadState=not-found\n"),
					outcome("systemctl show caddy.service", 0, "LoadState=not-found\n", false)));

		this.mvc.perform(get("/services/caddy/card"))
			.andExpect(content().string(allOf(containsString("not found"), containsString("postern.units.caddy"))));
	}

	@Test
	void reloadRedirectsWithAFlashMessage() throws Exception {
		given(this.actions.reload(ServiceUnit.CADDY)).willReturn(new UnitAction(ServiceUnit.CADDY, "caddy.service",
				"reload", "systemctl reload caddy.service", false, 1, "boom", false, AT));

		FlashMessage message = (FlashMessage) this.mvc.perform(post("/services/caddy/reload").with(csrf()))
			.andExpect(redirectedUrl("/services"))
			.andReturn()
			.getFlashMap()
			.get(FlashMessage.ATTRIBUTE);
		assertThat(message.level()).isEqualTo("error");
		assertThat(message.key()).isEqualTo("services.flash.reload.failed");
	}

	@Test
	void reloadWithoutCsrfTokenRunsNothing() throws Exception {
		this.mvc.perform(post("/services/caddy/reload")).andExpect(status().isForbidden());
		verify(this.actions, never()).reload(ServiceUnit.CADDY);
	}

	@Test
	void restartFromHtmxAnswersWithTheResult() throws Exception {
		given(this.actions.restart(ServiceUnit.CADDY)).willReturn(new UnitAction(ServiceUnit.CADDY, "caddy.service",
				"restart", "systemctl restart caddy.service", true, 0, "", false, AT));

		this.mvc.perform(post("/services/caddy/restart").with(csrf()).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(view().name(ServicesController.ACTION_FRAGMENT))
			.andExpect(content().string(allOf(containsString("Restart of caddy.service"), containsString("No output."),
					not(containsString("<nav")))));
	}

	@Test
	void unknownUnitIsNotFoundAndRunsNothing() throws Exception {
		this.mvc.perform(post("/services/nginx/restart").with(csrf())).andExpect(status().isNotFound());
		this.mvc.perform(get("/services/nginx/card")).andExpect(status().isNotFound());
		verifyNoInteractions(this.actions, this.systemd);
	}

	@Test
	void logsShowTheLinesAndTheCommand() throws Exception {
		given(this.journal.tail(ServiceUnit.CADDY, 100, "error")).willReturn(new JournalTail("caddy.service", 100,
				"error", List.of(JournalLine.parse("2026-11-25T10:12:44+00:00 mx1 caddy[812]: <b>error</b>").get(0)),
				40, outcome("journalctl -u caddy.service -n 100 --no-pager -o short-iso", 0, "", false)));

		this.mvc.perform(get("/services/caddy/logs").param("lines", "100").param("q", "error"))
			.andExpect(status().isOk())
			.andExpect(view().name(ServicesController.LOGS_VIEW))
			.andExpect(content().string(allOf(containsString("1 line shown of the last 40 read (asked for 100)."),
					containsString("&lt;b&gt;error&lt;/b&gt;"), containsString("<option value=\"100\" selected"),
					containsString("value=\"error\""))));
	}

}
