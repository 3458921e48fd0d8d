package postern.mail.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import postern.change.Change;
import postern.mail.Alias;
import postern.mail.Aliases;
import postern.mail.MailDnsRecords;
import postern.mail.MailDomain;
import postern.mail.MailDomains;
import postern.mail.MailFileException;

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

	private final MailDomains domains;

	private final Aliases aliases;

	private final MailDnsRecords dnsRecords;

	DomainController(MailDomains domains, Aliases aliases, MailDnsRecords dnsRecords) {
		this.domains = domains;
		this.aliases = aliases;
		this.dnsRecords = dnsRecords;
	}

	@GetMapping("/domains")
	String list(Model model) {
		Map<String, Long> aliasCounts = this.aliases.list()
			.stream()
			.collect(Collectors.groupingBy(Alias::domain, Collectors.counting()));
		model.addAttribute("domains", this.domains.list());
		model.addAttribute("aliasCounts", aliasCounts);
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
			return toChange(this.domains.previewAdd(form.storedName()), attributes);
		}
		catch (MailFileException ex) {
			result.rejectValue("name", ex.messageKey(), ex.arguments().toArray(), null);
			return FORM_VIEW;
		}
	}

	@GetMapping("/domains/{domain}")
	String show(@PathVariable String domain, Model model) {
		MailDomain found = local(domain);
		model.addAttribute("domain", found);
		model.addAttribute("aliases", aliasesOf(domain));
		model.addAttribute("rewriteSteps", this.domains.rewriteSteps());
		model.addAttribute("dns", this.dnsRecords.recordsOf(domain));
		return SHOW_VIEW;
	}

	@GetMapping("/domains/{domain}/delete")
	String confirmDelete(@PathVariable String domain, Model model) {
		model.addAttribute("domain", local(domain));
		model.addAttribute("aliases", aliasesOf(domain));
		return DELETE_VIEW;
	}

	@PostMapping("/domains/{domain}/delete")
	String delete(@PathVariable String domain, @RequestParam(name = "confirm", defaultValue = "") String confirm,
			Model model, RedirectAttributes attributes) {
		MailDomain found = local(domain);
		if (!found.name().equals(confirm.strip())) {
			model.addAttribute("domain", found);
			model.addAttribute("aliases", aliasesOf(domain));
			model.addAttribute("confirmError", true);
			return DELETE_VIEW;
		}
		return toChange(this.domains.previewRemove(found.name()), attributes);
	}

	private MailDomain local(String domain) {
		return this.domains.find(domain).orElseThrow(() -> new MailNotFoundException(domain));
	}

	private List<Alias> aliasesOf(String domain) {
		return this.aliases.list().stream().filter((alias) -> alias.domain().equals(domain)).toList();
	}

	static String toChange(Change change, RedirectAttributes attributes) {
		attributes.addAttribute("changeId", change.getId());
		return "redirect:/changes/{changeId}";
	}

}
