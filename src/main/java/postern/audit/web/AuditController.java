package postern.audit.web;

import java.util.Locale;

import postern.audit.AuditLog;
import postern.audit.CommandLog;

import postern.infrastructure.Paging;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log of actions, newest first, paged and filtered on the server; one filter
 * away ({@code ?log=commands}), the command log of commands that only read.
 */
@Controller
class AuditController {

	static final String VIEW = "audit/list";

	static final int PAGE_SIZE = 50;

	static final String COMMANDS = "commands";

	private final AuditLog auditLog;

	private final CommandLog commandLog;

	private final MessageSource messages;

	AuditController(AuditLog auditLog, CommandLog commandLog, MessageSource messages) {
		this.auditLog = auditLog;
		this.commandLog = commandLog;
		this.messages = messages;
	}

	@GetMapping("/audit")
	String list(@RequestParam(name = "q", required = false) String query,
			@RequestParam(name = "log", required = false) String log,
			@RequestParam(name = "page", required = false) String page, Locale locale, Model model) {
		boolean commands = COMMANDS.equals(log);
		int requested = Paging.requested(page);
		Page<?> events = commands
				? Paging.within(requested, PAGE_SIZE,
						(pageable) -> this.commandLog.find(query, pageable, locale,
								(entry) -> CommandRow.of(entry, this.messages, locale)))
				: Paging.within(requested, PAGE_SIZE, (pageable) -> this.auditLog.find(query, pageable, locale,
						(event) -> EventRow.of(event, this.messages, locale)));
		model.addAttribute("log", commands ? COMMANDS : null);
		model.addAttribute("events", events);
		model.addAttribute("paging", Paging.of(events));
		model.addAttribute("q", query);
		return VIEW;
	}

}
