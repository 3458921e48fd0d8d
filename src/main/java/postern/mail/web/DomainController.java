package postern.mail.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;

import postern.infrastructure.Paging;
import postern.infrastructure.Redirects;
import postern.mail.Alias;
import postern.mail.Aliases;
import postern.mail.DomainsOverview;
import postern.mail.MaddyException;
import postern.mail.MailDnsRecords;
import postern.mail.MailDomain;
import postern.mail.MailDomains;
import postern.mail.MailFileException;
import postern.mail.Mailbox;
import postern.mail.Mailboxes;
import postern.sites.CaddyfileSyntaxException;
import postern.sites.SiteFieldException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The local domains: the list, one domain with its aliases, rewrite rules and DNS
 * records, adding one and removing one (both previewed as changes of maddy.conf).
 */
@Controller
class DomainController {

	static final String LIST_VIEW = "mail/domains";

	static final String FORM_VIEW = "mail/domain-new";

	static final String SHOW_VIEW = "mail/domain";

	static final String DELETE_VIEW = "mail/domain-delete";

	/** The rows of each list of a domain page: its mailboxes, its aliases. */
	static final int PAGE_SIZE = 100;

	private final MailDomains domains;

	private final Aliases aliases;

	private final MailDnsRecords dnsRecords;

	private final Mailboxes mailboxes;

	DomainController(MailDomains domains, Aliases aliases, MailDnsRecords dnsRecords, Mailboxes mailboxes) {
		this.domains = domains;
		this.aliases = aliases;
		this.dnsRecords = dnsRecords;
		this.mailboxes = mailboxes;
	}

	@GetMapping("/domains")
	String list(Model model) {
		Map<String, Long> aliasCounts = this.aliases.countsByDomain();
		Map<String, Long> mailboxCounts = Map.of();
		try {
			mailboxCounts = this.mailboxes.countsByDomain();
		}
		catch (MaddyException ex) {
			// the domains come from maddy.conf alone: list them, and say why the counts
			// lack
			model.addAttribute("maddyRun", ex.getRun());
		}
		DomainsOverview overview = this.domains.overview();
		model.addAttribute("domains", overview.domains());
		model.addAttribute("overview", overview);
		model.addAttribute("aliasCounts", aliasCounts);
		model.addAttribute("mailboxCounts", mailboxCounts);
		return LIST_VIEW;
	}

	@GetMapping("/domains/new")
	String newDomain(Model model) {
		model.addAttribute("form", new DomainForm());
		return FORM_VIEW;
	}

	@PostMapping("/domains/new")
	String create(@Valid @ModelAttribute("form") DomainForm form, BindingResult result, RedirectAttributes attributes) {
		if (result.hasErrors()) {
			return FORM_VIEW;
		}
		try {
			return Redirects.toChange(this.domains.previewAdd(form.storedName(), form.isMtaSts()).getId(), attributes);
		}
		catch (MailFileException ex) {
			result.rejectValue(ex.messageKey().startsWith("maddy-conf.env.") ? "mtaSts" : "name", ex.messageKey(),
					ex.arguments().toArray(), null);
			return FORM_VIEW;
		}
		catch (SiteFieldException ex) {
			// the policy site the same change would add is refused: say why, write
			// nothing
			result.rejectValue("mtaSts", ex.getMessageKey(), ex.getArgs(), null);
			return FORM_VIEW;
		}
		catch (CaddyfileSyntaxException ex) {
			result.rejectValue("mtaSts", "domains.error.caddyfile-unreadable", new Object[] { ex.getMessage() }, null);
			return FORM_VIEW;
		}
	}

	/**
	 * One domain, its aliases and mailboxes a page at a time: {@code page} pages the
	 * aliases, {@code mailboxes} the mailboxes.
	 */
	@GetMapping("/domains/{domain}")
	String show(@PathVariable String domain, @RequestParam(name = "page", required = false) String page,
			@RequestParam(name = "mailboxes", required = false) String mailboxPage, Model model) {
		MailDomain found = local(domain);
		model.addAttribute("domain", found);
		shown(model, "aliases", "aliasPaging", aliasesOf(domain), page);
		shown(model, "mailboxes", "mailboxPaging", mailboxesOf(domain), mailboxPage);
		model.addAttribute("rewriteSteps", this.domains.rewriteSteps());
		Optional<String> unknownMx = this.domains.unknownMxHostVariable();
		// the records name the MX host: none is shown while it is only a placeholder
		model.addAttribute("dns", unknownMx.isPresent() ? null : this.dnsRecords.recordsOf(domain));
		model.addAttribute("unknownMxVariable", unknownMx.orElse(null));
		return SHOW_VIEW;
	}

	@GetMapping("/domains/{domain}/delete")
	String confirmDelete(@PathVariable String domain, @RequestParam(name = "page", required = false) String page,
			@RequestParam(name = "mailboxes", required = false) String mailboxPage, Model model) {
		deletePage(local(domain), page, mailboxPage, model);
		return DELETE_VIEW;
	}

	/**
	 * A domain that still has mailboxes is removed only once its name is typed again.
	 */
	@PostMapping("/domains/{domain}/delete")
	String delete(@PathVariable String domain, @RequestParam(name = "confirm", defaultValue = "") String confirm,
			Model model, RedirectAttributes attributes) {
		MailDomain found = local(domain);
		List<Mailbox> remaining = deletePage(found, null, null, model);
		if (!remaining.isEmpty() && !found.name().equals(confirm.strip())) {
			model.addAttribute("confirmError", true);
			return DELETE_VIEW;
		}
		return Redirects.toChange(this.domains.previewRemove(found.name()).getId(), attributes);
	}

	private List<Mailbox> deletePage(MailDomain domain, String page, String mailboxPage, Model model) {
		List<Mailbox> remaining = mailboxesOf(domain.name());
		model.addAttribute("domain", domain);
		shown(model, "aliases", "aliasPaging", aliasesOf(domain.name()), page);
		shown(model, "mailboxes", "mailboxPaging", remaining, mailboxPage);
		return remaining;
	}

	/** One page of a list, and its paging for the pager and the heading's total. */
	private static void shown(Model model, String rows, String paging, List<?> all, String page) {
		Paging shown = Paging.of(Paging.requested(page), PAGE_SIZE, all.size());
		model.addAttribute(rows, shown.slice(all));
		model.addAttribute(paging, shown);
	}

	private List<Mailbox> mailboxesOf(String domain) {
		return this.mailboxes.inDomain(domain);
	}

	private MailDomain local(String domain) {
		return this.domains.find(domain).orElseThrow(() -> new MailNotFoundException(domain));
	}

	private List<Alias> aliasesOf(String domain) {
		return this.aliases.inDomain(domain);
	}

}
