package postern.health.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import postern.change.ChangeFixtures;
import postern.health.HealthPlanner;
import postern.health.HealthResultFixtures;
import postern.health.HealthResults;
import postern.health.HealthResults.ResultView;
import postern.health.HealthResults.SubjectResults;
import postern.health.HealthRuns;
import postern.health.Verdict;
import postern.host.Hosts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(controllers = HealthController.class, properties = "spring.messages.basename=messages,i18n/health")
@WithMockUser
class HealthControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Hosts hosts;

	@MockitoBean
	HealthResults results;

	@MockitoBean
	HealthRuns runs;

	@MockitoBean
	HealthPlanner planner;

	@BeforeEach
	void currentHost() {
		ChangeFixtures.currentHostNamed(this.hosts, "vps");
		given(this.runs.running()).willReturn(Optional.empty());
		given(this.planner.knows("xoyize.xyz")).willReturn(true);
	}

	@Test
	void indexShowsTheLatestResultsWithTheRecordToPublish() throws Exception {
		ResultView spf = new ResultView(HealthResultFixtures.result(3, "xoyize.xyz", "spf", Verdict.ERROR,
				"health.spf.missing", "xoyize.xyz.  3600 IN TXT \"v=spf1 mx -all\"", "xoyize.xyz"), null);
		ResultView dmarc = new ResultView(HealthResultFixtures.result(3, "xoyize.xyz", "dmarc", Verdict.OK,
				"health.dmarc.ok", null, "quarantine"),
				HealthResultFixtures.mute("xoyize.xyz", "dmarc", "hosted elsewhere"));
		given(this.results.latest()).willReturn(List.of(new SubjectResults("xoyize.xyz", List.of(spf, dmarc))));
		given(this.results.latestSummary()).willReturn(Optional.empty());
		given(this.results.recentRuns(anyInt())).willReturn(List.of(HealthResultFixtures.run(3, true, 2)));

		this.mvc.perform(get("/health"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("xoyize.xyz has no SPF record."),
					containsString("Publish this record:"), containsString("v=spf1 mx -all"),
					containsString("Muted until 2026-12-31: hosted elsewhere"), containsString("id=\"run-now\""))));
	}

	@Test
	void runNowStartsARunAndShowsItsProgress() throws Exception {
		given(this.runs.start(null, "manual")).willReturn(new HealthRuns.Started(7L, new CompletableFuture<>()));
		this.mvc.perform(post("/health/run").with(csrf())).andExpect(redirectedUrl("/health/runs/7"));
	}

	@Test
	void progressOfARunningRunPollsAndOfAFinishedOneStops() throws Exception {
		given(this.results.progress(7L))
			.willReturn(Optional.of(new HealthResults.Progress(HealthResultFixtures.run(7, false, 40), List.of())));
		this.mvc.perform(get("/health/runs/7/progress"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("hx-trigger=\"every 1s\""), containsString("0 of 40 checks done"))));
		given(this.results.progress(8L))
			.willReturn(Optional.of(new HealthResults.Progress(HealthResultFixtures.run(8, true, 40), List.of())));
		this.mvc.perform(get("/health/runs/8/progress"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("hx-trigger"))));
	}

	@Test
	void oneDomainCanBeCheckedAgain() throws Exception {
		given(this.runs.start("xoyize.xyz", "manual"))
			.willReturn(new HealthRuns.Started(9L, new CompletableFuture<>()));
		this.mvc.perform(post("/health/xoyize.xyz/run").with(csrf())).andExpect(redirectedUrl("/health/runs/9"));
	}

	@Test
	void domainPageShowsTheZoneSnippet() throws Exception {
		given(this.results.latestOf("xoyize.xyz")).willReturn(List.of());
		given(this.planner.zoneSnippet("xoyize.xyz")).willReturn(Optional.of("; records of xoyize.xyz\n"));
		this.mvc.perform(get("/health/xoyize.xyz"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("; records of xoyize.xyz")));
	}

	@Test
	void unknownDomainIsNotFound() throws Exception {
		this.mvc.perform(get("/health/unknown.example")).andExpect(status().isNotFound());
		this.mvc.perform(post("/health/unknown.example/run").with(csrf())).andExpect(status().isNotFound());
		verify(this.runs, never()).start(anyString(), anyString());
	}

	@Test
	void muteWithoutADateShowsTheFieldErrorAndMutesNothing() throws Exception {
		given(this.results.latestOf("xoyize.xyz")).willReturn(List.of());
		this.mvc
			.perform(post("/health/mute").with(csrf())
				.param("domain", "xoyize.xyz")
				.param("check", "tlsrpt")
				.param("until", "")
				.param("reason", "no reports"))
			.andExpect(status().isOk())
			.andExpect(view().name(HealthController.SUBJECT_VIEW))
			.andExpect(model().attributeHasFieldErrors("muteForm", "until"));
		verify(this.results, never()).mute(anyString(), anyString(), anyString(), any());
	}

	@Test
	void muteStoresTheMuteAndRedirectsToTheDomain() throws Exception {
		String until = LocalDate.now().plusDays(30).toString();
		this.mvc
			.perform(post("/health/mute").with(csrf())
				.param("domain", "xoyize.xyz")
				.param("check", "tlsrpt")
				.param("until", until)
				.param("reason", "no reports"))
			.andExpect(redirectedUrl("/health/xoyize.xyz"));
		verify(this.results).mute("xoyize.xyz", "tlsrpt", "no reports", LocalDate.parse(until));
	}

}
