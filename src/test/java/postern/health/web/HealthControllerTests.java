package postern.health.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import postern.change.ChangeFixtures;
import postern.health.CheckResult;
import postern.health.HealthGridFixtures;
import postern.health.HealthPlanner;
import postern.health.HealthResultFixtures;
import postern.health.HealthResults;
import postern.health.HealthResults.ResultView;
import postern.health.HealthResults.SubjectResults;
import postern.health.HealthRun;
import postern.health.HealthRuns;
import postern.health.Verdict;
import postern.host.Hosts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(controllers = HealthController.class, properties = "spring.messages.basename=messages,i18n/health")
@Import(HealthRunStreams.class)
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
		given(this.planner.subjectOrder()).willReturn(Comparator.naturalOrder());
	}

	@Test
	void indexShowsTheLatestResultsAsAGridLeadingToEachSubject() throws Exception {
		ResultView https = new ResultView(HealthResultFixtures.result(3, "www.xoyize.xyz", "tls-https", Verdict.WARNING,
				"health.dmarc.ok", null, "quarantine"), null);
		given(this.results.grid())
			.willReturn(HealthGridFixtures.of(List.of(new SubjectResults("www.xoyize.xyz", List.of(https)),
					new SubjectResults("xoyize.xyz", missingSpfAndMutedDmarc()))));
		given(this.results.latestSummary()).willReturn(Optional.empty());
		given(this.results.recentRuns(anyInt())).willReturn(List.of(HealthResultFixtures.run(3, true, 2)));

		String page = this.mvc.perform(get("/health"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document grid = Jsoup.parse(page);
		Element spfCell = grid.selectFirst("tr[data-subject=xoyize.xyz] td[data-check=spf]");
		assertThat(spfCell.classNames()).contains("cell-error");
		assertThat(spfCell.selectFirst("a").attr("href")).isEqualTo("/health/xoyize.xyz");
		assertThat(spfCell.text()).isEqualTo("Error");
		Element dmarcCell = grid.selectFirst("tr[data-subject=xoyize.xyz] td[data-check=dmarc]");
		assertThat(dmarcCell.classNames()).contains("cell-ok", "cell-muted");
		assertThat(dmarcCell.selectFirst("a").attr("title")).isEqualTo("DMARC: OK (muted)");
		assertThat(grid.selectFirst("tr[data-subject=www.xoyize.xyz] td[data-check=tls-https]").classNames())
			.contains("cell-warning");
		assertThat(grid.selectFirst("tr[data-subject=www.xoyize.xyz] td[data-check=spf]").classNames())
			.contains("cell-none");
		assertThat(grid.select("table.health-grid tbody tr")).hasSize(2);
		assertThat(grid.select("table.health-grid thead th[data-check]")).extracting(Element::text)
			.containsExactly("SPF", "DMARC", "HTTPS");
		assertThat(page).contains("id=\"run-now\"")
			.contains("href=\"/health/runs/3\"")
			// the findings, fixes and details stay on the subject's page
			.doesNotContain("<details")
			.doesNotContain("v=spf1 mx -all")
			.doesNotContain("hosted elsewhere");
	}

	@Test
	void indexShowsOnePageOfSubjectsWithAPager() throws Exception {
		List<SubjectResults> sites = IntStream.range(0, 250)
			.mapToObj((n) -> new SubjectResults(String.format("site%03d.example.org", n),
					List.of(new ResultView(HealthResultFixtures.result(3, String.format("site%03d.example.org", n),
							"tls-https", Verdict.OK, "health.dmarc.ok", null, "ok"), null))))
			.toList();
		given(this.results.grid()).willReturn(HealthGridFixtures.of(sites));
		given(this.results.latestSummary()).willReturn(Optional.empty());
		given(this.results.recentRuns(anyInt())).willReturn(List.of());

		Document second = Jsoup.parse(this.mvc.perform(get("/health").param("page", "1"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(second.select("table.health-grid tbody tr")).hasSize(100);
		assertThat(second.selectFirst("table.health-grid tbody tr").attr("data-subject"))
			.isEqualTo("site100.example.org");
		assertThat(second.select("nav.pagination a[rel=next]").attr("href")).isEqualTo("/health?page=2");
		Document beyond = Jsoup.parse(this.mvc.perform(get("/health").param("page", "40"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(beyond.select("table.health-grid tbody tr")).hasSize(50);
		assertThat(beyond.select("nav.pagination").text()).contains("Page 3 of 3");
	}

	@Test
	void indexSaysARunFoundNothingToCheckRatherThanThatNoneRan() throws Exception {
		given(this.results.grid()).willReturn(HealthGridFixtures.of(List.of()));
		given(this.results.latestSummary()).willReturn(Optional.empty());
		given(this.results.recentRuns(anyInt())).willReturn(List.of());
		this.mvc.perform(get("/health"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The checks have not run yet.")));

		given(this.results.recentRuns(anyInt())).willReturn(List.of(HealthResultFixtures.run(3, true, 2)));
		this.mvc.perform(get("/health"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The latest run found nothing to check")))
			.andExpect(content().string(not(containsString("The checks have not run yet."))));
	}

	@Test
	void subjectPageKeepsTheRowsTheFixesAndTheHistory() throws Exception {
		given(this.results.latestOf("xoyize.xyz")).willReturn(missingSpfAndMutedDmarc());
		given(this.planner.zoneSnippet("xoyize.xyz")).willReturn(Optional.empty());
		given(this.results.recentRuns(anyInt())).willReturn(List.of(HealthResultFixtures.run(3, true, 2)));

		this.mvc.perform(get("/health/xoyize.xyz"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("xoyize.xyz has no SPF record."), containsString("Publish this record:"),
						containsString("v=spf1 mx -all"), containsString("Muted until 2026-12-31: hosted elsewhere"),
						containsString("Recent runs"), containsString("href=\"/health/runs/3\""))));
	}

	@Test
	void runNowStartsARunAndShowsItsProgress() throws Exception {
		given(this.runs.start(null, "manual")).willReturn(new HealthRuns.Started(7L, new CompletableFuture<>()));
		this.mvc.perform(post("/health/run").with(csrf())).andExpect(redirectedUrl("/health/runs/7"));
	}

	@Test
	void pageOfARunningRunFollowsItsEventsAndOfAFinishedOneDoesNot() throws Exception {
		given(this.results.progress(7L))
			.willReturn(Optional.of(new HealthResults.Progress(HealthResultFixtures.run(7, false, 40), List.of())));
		this.mvc.perform(get("/health/runs/7"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("hx-ext=\"sse\""), containsString("sse-connect=\"/health/runs/7/events\""),
						containsString("sse-swap=\"state,result,done\" hx-swap=\"none\""),
						containsString("0 of 40 checks done"), not(containsString("hx-trigger")))));
		given(this.results.progress(8L))
			.willReturn(Optional.of(new HealthResults.Progress(HealthResultFixtures.run(8, true, 40), List.of())));
		this.mvc.perform(get("/health/runs/8"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(not(containsString("sse-connect")), not(containsString("hx-trigger")))));
	}

	@Test
	void eventsStartWithTheRunSoFarThenSendEachSubjectAsItsResultsArrive() throws Exception {
		SubjectResults mx = subject("mx1.xoyize.xyz", "mx-a", "health.address.ok", "mx1.xoyize.xyz", "A", "192.0.2.1");
		SubjectResults domain = subject("xoyize.xyz", "dmarc", "health.dmarc.ok", "quarantine");
		HealthRun running = HealthResultFixtures.run(7, false, 40);
		given(this.results.progress(7L)).willReturn(Optional.of(new HealthResults.Progress(running, List.of(mx))));
		ArgumentCaptor<HealthRuns.RunFollower> follower = ArgumentCaptor.forClass(HealthRuns.RunFollower.class);
		given(this.runs.follow(eq(7L), follower.capture())).willReturn(() -> {
		});

		MvcResult events = this.mvc.perform(get("/health/runs/7/events"))
			.andExpect(request().asyncStarted())
			.andReturn();
		String state = waitForEvent(events, "event:state");
		assertThat(state).contains("data:<div id=\"progress-live\" hx-swap-oob=\"true\"")
			.contains("1 of 40 checks done")
			.contains("id=\"subject-mx1.xoyize.xyz\" data-subject=\"mx1.xoyize.xyz\">")
			.containsOnlyOnce("hx-swap-oob");

		given(this.results.progress(7L))
			.willReturn(Optional.of(new HealthResults.Progress(running, List.of(mx, domain))));
		follower.getValue()
			.stored(new CheckResult("xoyize.xyz", "dmarc", Verdict.OK, "health.dmarc.ok", List.of("quarantine"), null,
					null));
		String result = waitForEvent(events, "event:result").substring(state.length());
		assertThat(result).contains("2 of 40 checks done")
			.contains("id=\"progress-line\" hx-swap-oob=\"true\"")
			.contains("DMARC is published with policy quarantine.")
			.contains("<div hx-swap-oob=\"beforeend:#progress-subjects\"><section")
			.contains("id=\"subject-xoyize.xyz\" data-subject=\"xoyize.xyz\">");

		given(this.results.progress(7L)).willReturn(
				Optional.of(new HealthResults.Progress(HealthResultFixtures.run(7, true, 2), List.of(mx, domain))));
		follower.getValue().finished();
		String done = waitForEvent(events, "event:done").substring(result.length() + state.length());
		assertThat(done).contains("<div id=\"progress\" hx-swap-oob=\"true\" class=\"finished\">")
			.containsOnlyOnce("hx-swap-oob")
			.doesNotContain("sse-connect");
	}

	@Test
	void eventsOfAFinishedRunEndAtOnce() throws Exception {
		given(this.results.progress(8L))
			.willReturn(Optional.of(new HealthResults.Progress(HealthResultFixtures.run(8, true, 40), List.of())));
		given(this.runs.follow(eq(8L), any())).willReturn(() -> {
		});
		MvcResult events = this.mvc.perform(get("/health/runs/8/events"))
			.andExpect(request().asyncStarted())
			.andReturn();
		assertThat(waitForEvent(events, "event:done")).doesNotContain("event:state")
			.doesNotContain("sse-connect")
			.contains("id=\"progress-live\"")
			.contains("id=\"progress-line\"");
	}

	@Test
	void eventsOfAnUnknownRunAreNotFound() throws Exception {
		given(this.results.progress(9L)).willReturn(Optional.empty());
		this.mvc.perform(get("/health/runs/9/events")).andExpect(status().isNotFound());
	}

	/** An SPF error with its record to publish, and a muted DMARC check. */
	private static List<ResultView> missingSpfAndMutedDmarc() {
		ResultView spf = new ResultView(HealthResultFixtures.result(3, "xoyize.xyz", "spf", Verdict.ERROR,
				"health.spf.missing", "xoyize.xyz.  3600 IN TXT \"v=spf1 mx -all\"", "xoyize.xyz"), null);
		ResultView dmarc = new ResultView(HealthResultFixtures.result(3, "xoyize.xyz", "dmarc", Verdict.OK,
				"health.dmarc.ok", null, "quarantine"),
				HealthResultFixtures.mute("xoyize.xyz", "dmarc", "hosted elsewhere"));
		return List.of(spf, dmarc);
	}

	private static SubjectResults subject(String subject, String check, String key, String... arguments) {
		return new SubjectResults(subject,
				List.of(new ResultView(HealthResultFixtures.result(7, subject, check, Verdict.OK, key, null, arguments),
						null)));
	}

	private static String waitForEvent(MvcResult events, String event) throws Exception {
		long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
		String content = events.getResponse().getContentAsString();
		while (!(content.contains(event) && content.substring(content.indexOf(event)).contains("\n\n"))
				&& System.nanoTime() < end) {
			Thread.sleep(20);
			content = events.getResponse().getContentAsString();
		}
		assertThat(content).contains(event);
		return content;
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
