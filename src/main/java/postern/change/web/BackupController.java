package postern.change.web;

import postern.change.BackupService.BackupComparison;
import postern.change.BackupService;
import postern.change.Change;
import postern.host.Backup;
import postern.infrastructure.FlashMessage;
import postern.infrastructure.Paging;
import postern.infrastructure.Redirects;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The backups of managed files: the list, one backup against the current file, and its
 * restore, which is previewed as a change.
 */
@Controller
class BackupController {

	static final String LIST_VIEW = "backups/list";

	static final String SHOW_VIEW = "backups/show";

	static final int PAGE_SIZE = 50;

	private final BackupService backups;

	BackupController(BackupService backups) {
		this.backups = backups;
	}

	@GetMapping("/backups")
	String list(@RequestParam(name = "page", required = false) String page, Model model) {
		Page<Backup> shown = this.backups.page(Paging.requested(page), PAGE_SIZE);
		model.addAttribute("groups", BackupService.grouped(shown.getContent()));
		model.addAttribute("paging", Paging.of(shown));
		return LIST_VIEW;
	}

	@GetMapping("/backups/{id}")
	String show(@PathVariable String id, Model model) {
		BackupComparison comparison = this.backups.compare(id);
		model.addAttribute("backup", comparison.backup());
		model.addAttribute("fileExists", comparison.fileExists());
		model.addAttribute("lines", DiffLine.of(comparison.diff()));
		return SHOW_VIEW;
	}

	@PostMapping("/backups/{id}/restore")
	String restore(@PathVariable String id, RedirectAttributes attributes) {
		Change change = this.backups.previewRestore(id);
		FlashMessage.success(attributes, "backup.flash.restore-previewed");
		return Redirects.toChange(change.getId(), attributes);
	}

}
