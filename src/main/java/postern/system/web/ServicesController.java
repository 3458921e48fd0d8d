package postern.system.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

import postern.infrastructure.FlashMessage;
import postern.system.Journal;
import postern.system.JournalTail;
import postern.system.ServiceUnit;
import postern.system.SystemdUnits;
import postern.system.UnitAction;
import postern.system.UnitActions;
import postern.system.UnitFacts;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The units: their cards (each loaded on its own, so a slow systemctl never holds up the
 * page), Reload and Restart, and their journals.
 */
@Controller
class ServicesController {

	static final String VIEW = "services/index";

	static final String CARD_FRAGMENT = "services/card :: card";

	static final String ACTION_FRAGMENT = "services/fragments :: action";

	static final String LOGS_VIEW = "services/logs";

	static final String JOURNAL_FRAGMENT = "services/logs :: journal";

	private static final String REDIRECT = "redirect:/services";

	private final SystemdUnits systemd;

	private final UnitActions actions;

	private final Journal journal;

	private final List<UnitFacts> facts;

	ServicesController(SystemdUnits systemd, UnitActions actions, Journal journal, List<UnitFacts> facts) {
		this.systemd = systemd;
		this.actions = actions;
		this.journal = journal;
		this.facts = facts;
	}

	@GetMapping("/services")
	String services(Model model) {
		model.addAttribute("units", Arrays.asList(ServiceUnit.values()));
		return VIEW;
	}

	@GetMapping("/services/{unit}/card")
	String card(@PathVariable String unit, Model model) {
		ServiceUnit service = unit(unit);
		Map<String, String> facts = new LinkedHashMap<>();
		this.facts.forEach((each) -> facts.putAll(each.facts(service)));
		model.addAttribute("card",
				new UnitCard(service, this.systemd.read(service), this.actions.last(service).orElse(null), facts));
		return CARD_FRAGMENT;
	}

	@PostMapping("/services/{unit}/reload")
	String reload(@PathVariable String unit, RedirectAttributes attributes) {
		flash(attributes, this.actions.reload(unit(unit)));
		return REDIRECT;
	}

	@HxRequest
	@PostMapping("/services/{unit}/reload")
	String reloadInPlace(@PathVariable String unit, Model model) {
		model.addAttribute("action", this.actions.reload(unit(unit)));
		return ACTION_FRAGMENT;
	}

	@PostMapping("/services/{unit}/restart")
	String restart(@PathVariable String unit, RedirectAttributes attributes) {
		flash(attributes, this.actions.restart(unit(unit)));
		return REDIRECT;
	}

	@HxRequest
	@PostMapping("/services/{unit}/restart")
	String restartInPlace(@PathVariable String unit, Model model) {
		model.addAttribute("action", this.actions.restart(unit(unit)));
		return ACTION_FRAGMENT;
	}

	@GetMapping("/services/{unit}/logs")
	String logs(@PathVariable String unit, @RequestParam(defaultValue = "" + Journal.DEFAULT_LINES) int lines,
			@RequestParam(defaultValue = "") String q, Model model) {
		journal(unit, lines, q, model);
		return LOGS_VIEW;
	}

	@HxRequest
	@GetMapping("/services/{unit}/logs")
	String logsInPlace(@PathVariable String unit, @RequestParam(defaultValue = "" + Journal.DEFAULT_LINES) int lines,
			@RequestParam(defaultValue = "") String q, Model model) {
		journal(unit, lines, q, model);
		return JOURNAL_FRAGMENT;
	}

	private void journal(String unit, int lines, String q, Model model) {
		ServiceUnit service = unit(unit);
		JournalTail tail = this.journal.tail(service, lines, q);
		model.addAttribute("unit", service);
		model.addAttribute("tail", tail);
		model.addAttribute("lineChoices", java.util.List.of(50, 100, 200, 500, 1000));
	}

	private static void flash(RedirectAttributes attributes, UnitAction action) {
		String key = "services.flash." + action.verb() + (action.ok() ? ".ok" : ".failed");
		if (action.ok()) {
			FlashMessage.success(attributes, key, action.unitName());
		}
		else {
			FlashMessage.error(attributes, key, action.unitName());
		}
	}

	private static ServiceUnit unit(String id) {
		return ServiceUnit.fromId(id).orElseThrow(() -> new UnitNotFoundException(id));
	}

}
