package postern.health.web;

import jakarta.validation.Valid;

import postern.health.HealthGrid;
import postern.health.HealthPlanner;
import postern.health.HealthResults;
import postern.health.HealthRuns;
import postern.infrastructure.FlashMessage;
import postern.infrastructure.Paging;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The health pages: the latest results at once, as a grid of subjects and checks whose
 * cells lead to each subject's page (its findings, fixes and history), "Run now" with its
 * progress (streamed to the page as server-sent events while the run goes), one domain
 * with its zone snippet, and muting a check.
 */
@Controller
class HealthController {

	static final String INDEX_VIEW = "health/index";

	static final String RUN_VIEW = "health/run";

	static final String SUBJECT_VIEW = "health/subject";

	private static final int RECENT_RUNS = 10;

	static final int PAGE_SIZE = 100;

	private final HealthResults results;

	private final HealthRuns runs;

	private final HealthPlanner planner;

	private final HealthRunStreams streams;

	HealthController(HealthResults results, HealthRuns runs, HealthPlanner planner, HealthRunStreams streams) {
		this.results = results;
		this.runs = runs;
		this.planner = planner;
		this.streams = streams;
	}

	@GetMapping("/health")
	String index(@RequestParam(name = "page", required = false) String page, Model model) {
		HealthGrid grid = this.results.grid().sortedBy(this.planner::subjectOrder);
		Paging paging = Paging.of(Paging.requested(page), PAGE_SIZE, grid.rows().size());
		model.addAttribute("grid", grid.shown(paging));
		model.addAttribute("paging", paging);
		model.addAttribute("summary", this.results.latestSummary().orElse(null));
		model.addAttribute("lastRun", this.results.recentRuns(1).stream().findFirst().orElse(null));
		model.addAttribute("running", this.runs.running().orElse(null));
		return INDEX_VIEW;
	}

	@PostMapping("/health/run")
	String runAll() {
		return "redirect:/health/runs/" + this.runs.start(null, "manual").runId();
	}

	@GetMapping("/health/runs/{id}")
	String run(@PathVariable long id, Model model) {
		model.addAttribute("progress", progress(id));
		return RUN_VIEW;
	}

	@GetMapping(path = "/health/runs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@PathVariable long id) {
		progress(id);
		return this.streams.open(id);
	}

	@GetMapping("/health/{domain}")
	String subject(@PathVariable String domain, Model model) {
		known(domain);
		return subjectView(domain, new MuteForm(), model);
	}

	@PostMapping("/health/{domain}/run")
	String runOne(@PathVariable String domain) {
		known(domain);
		return "redirect:/health/runs/" + this.runs.start(domain, "manual").runId();
	}

	@PostMapping("/health/mute")
	String mute(@Valid @ModelAttribute("muteForm") MuteForm form, BindingResult result, Model model,
			RedirectAttributes attributes) {
		known(form.getDomain());
		if (!result.hasFieldErrors("check") && !HealthResults.isCheck(form.getCheck())) {
			result.rejectValue("check", "health.mute.check.unknown");
		}
		if (result.hasErrors()) {
			return subjectView(form.getDomain(), form, model);
		}
		this.results.mute(form.getDomain(), form.getCheck(), form.getReason(), form.getUntil());
		FlashMessage.success(attributes, "health.mute.done", form.getCheck(), form.getDomain(), form.getUntil());
		attributes.addAttribute("domain", form.getDomain());
		return "redirect:/health/{domain}";
	}

	private String subjectView(String subject, MuteForm form, Model model) {
		model.addAttribute("subject", subject);
		java.util.List<HealthResults.ResultView> latest = this.results.latestOf(subject);
		model.addAttribute("results", latest);
		// a check made at each address is muted once, for all of them
		model.addAttribute("checks", latest.stream().map((view) -> view.result().getCheck()).distinct().toList());
		model.addAttribute("zone", this.planner.zoneSnippet(subject).orElse(null));
		model.addAttribute("recentRuns", this.results.recentRuns(RECENT_RUNS));
		model.addAttribute("muteForm", form);
		model.addAttribute("running", this.runs.running().orElse(null));
		return SUBJECT_VIEW;
	}

	private HealthResults.Progress progress(long id) {
		return this.results.progress(id).orElseThrow(() -> new HealthNotFoundException("run " + id));
	}

	private void known(String subject) {
		if (subject == null || !this.planner.knows(subject)) {
			throw new HealthNotFoundException(subject);
		}
	}

}
