package postern.audit.web;

import postern.audit.AuditEvent;
import postern.audit.AuditLog;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log, newest first, paged and filtered on the server.
 */
@Controller
class AuditController {

	static final String VIEW = "audit/list";

	static final int PAGE_SIZE = 50;

	private final AuditLog auditLog;

	AuditController(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@GetMapping("/audit")
	String list(@RequestParam(name = "q", required = false) String query,
			@RequestParam(name = "page", defaultValue = "0") int page, Model model) {
		Page<AuditEvent> events = this.auditLog.find(query, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("events", events);
		model.addAttribute("q", query);
		return VIEW;
	}

}
