package postern.change.web;

import postern.change.ApplyOutcome;
import postern.change.Change;
import postern.change.ChangeService;
import postern.infrastructure.FlashMessage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A change's page (diffs, validation, result log) and its Apply and Discard actions.
 */
@Controller
class ChangeController {

	static final String VIEW = "change/show";

	private static final String REDIRECT = "redirect:/changes/{id}";

	private final ChangeService changes;

	ChangeController(ChangeService changes) {
		this.changes = changes;
	}

	@GetMapping("/changes/{id}")
	String show(@PathVariable long id, Model model) {
		Change change = this.changes.find(id);
		model.addAttribute("change", change);
		model.addAttribute("files", change.getFiles().stream().map(FileView::of).toList());
		return VIEW;
	}

	@PostMapping("/changes/{id}/apply")
	String apply(@PathVariable long id, RedirectAttributes attributes) {
		ApplyOutcome outcome = this.changes.apply(id);
		switch (outcome) {
			case APPLIED -> FlashMessage.success(attributes, "change.flash.applied", id);
			case ROLLED_BACK -> FlashMessage.error(attributes, "change.flash.rolled-back", id);
			case CONFLICT -> FlashMessage.error(attributes, "change.flash.conflict", id);
			case WRONG_HOST -> FlashMessage.error(attributes, "change.flash.wrong-host", id);
			case NOT_PREVIEWED -> FlashMessage.error(attributes, "change.flash.not-previewed", id);
		}
		return REDIRECT;
	}

	@PostMapping("/changes/{id}/discard")
	String discard(@PathVariable long id, RedirectAttributes attributes) {
		if (this.changes.discard(id)) {
			FlashMessage.success(attributes, "change.flash.discarded", id);
		}
		else {
			FlashMessage.error(attributes, "change.flash.not-previewed", id);
		}
		return REDIRECT;
	}

}
