package postern.mail.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.validation.Valid;

import postern.host.Argument;
import postern.infrastructure.Paging;
import postern.infrastructure.PasswordFormData;
import postern.mail.MaddyException;
import postern.mail.MailDomain;
import postern.mail.MailDomains;
import postern.mail.MailFileException;
import postern.mail.Mailbox;
import postern.mail.MailboxOutcome;
import postern.mail.Mailboxes;
import postern.mail.NewMailboxRules;
import postern.mail.Passphrases;
import postern.names.Addresses;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The mailbox pages. Mailbox actions edit no file: they run maddy at once and end on a
 * page that says what was run and what happened.
 */
@Controller
class MailboxController {

	static final String LIST_VIEW = "mailboxes/list";

	static final String NEW_VIEW = "mailboxes/new";

	static final String PASSWORD_VIEW = "mailboxes/password";

	static final String DELETE_VIEW = "mailboxes/delete";

	static final String RESULT_VIEW = "mailboxes/result";

	static final int PAGE_SIZE = 50;

	private static final String OUTCOME = "outcome";

	private static final String TO_RESULT = "redirect:/mailboxes/result";

	private final Mailboxes mailboxes;

	private final MailDomains domains;

	private final NewMailboxRules rules;

	MailboxController(Mailboxes mailboxes, MailDomains domains, NewMailboxRules rules) {
		this.mailboxes = mailboxes;
		this.domains = domains;
		this.rules = rules;
	}

	/**
	 * The local domains for the selects; none when maddy.conf cannot be read (the domain
	 * pages say why).
	 * @return the domains
	 */
	@ModelAttribute("domains")
	List<MailDomain> domains() {
		try {
			return this.domains.list();
		}
		catch (MailFileException ex) {
			return List.of();
		}
	}

	@GetMapping("/mailboxes")
	String list(@RequestParam(name = "domain", required = false) String domain,
			@RequestParam(name = "q", required = false) String query,
			@RequestParam(name = "page", required = false) String page, Model model) {
		String wanted = (domain != null && !domain.isBlank()) ? Addresses.domain(domain.strip()).orElse("-") : null;
		String text = searchText(query);
		Page<Mailbox> found = Paging.within(Paging.requested(page), PAGE_SIZE,
				(pageable) -> this.mailboxes.find(wanted, text, pageable));
		model.addAttribute("mailboxes", found);
		model.addAttribute("paging", Paging.of(found));
		model.addAttribute("domain", wanted);
		model.addAttribute("q", text);
		model.addAttribute("listStatus", this.mailboxes.listStatus());
		return LIST_VIEW;
	}

	/**
	 * Read the list again now, as the admin asked, and go back to the page they were on.
	 */
	@PostMapping("/mailboxes/refresh")
	String refresh(@RequestParam(name = "domain", required = false) String domain,
			@RequestParam(name = "q", required = false) String query,
			@RequestParam(name = "page", required = false) String page, RedirectAttributes attributes) {
		this.mailboxes.refresh();
		Addresses.domain((domain != null) ? domain.strip() : "")
			.ifPresent((name) -> attributes.addAttribute("domain", name));
		String text = searchText(query);
		if (text != null && !text.isBlank()) {
			attributes.addAttribute("q", text);
		}
		int requested = Paging.requested(page);
		if (requested > 0) {
			attributes.addAttribute("page", requested);
		}
		return "redirect:/mailboxes";
	}

	/**
	 * The search text of the list, or none when it cannot be part of an address.
	 * @param query the {@code q} parameter
	 * @return the text to search for, or {@code null}
	 */
	private static String searchText(String query) {
		return (query != null && query.length() <= 254) ? query : null;
	}

	@GetMapping("/mailboxes/new")
	String newForm(@RequestParam(name = "localPart", required = false) String localPart,
			@RequestParam(name = "domain", required = false) String domain, Model model) {
		CreateMailboxFormData form = new CreateMailboxFormData();
		form.setLocalPart((localPart != null && Addresses.isLocalPart(localPart)) ? localPart : null);
		form.setDomain(Addresses.domain(domain).filter(this::isLocal).orElse(null));
		model.addAttribute("form", form);
		return NEW_VIEW;
	}

	@PostMapping(path = "/mailboxes/new", params = "generate")
	String generate(@ModelAttribute("form") CreateMailboxFormData form, Model model) {
		String passphrase = Passphrases.generate(form.getLocalPart());
		form.setPassword(passphrase);
		form.setPasswordConfirm(passphrase);
		model.addAttribute("generated", passphrase);
		return NEW_VIEW;
	}

	@PostMapping(path = "/mailboxes/new", params = "!generate")
	String create(@Valid @ModelAttribute("form") CreateMailboxFormData form, BindingResult result, Model model,
			RedirectAttributes attributes) {
		String address = this.rules
			.check(form.getLocalPart(), form.getDomain(), form.getPassword(), form.getPasswordConfirm(), result)
			.orElse(null);
		if (address == null) {
			return NEW_VIEW;
		}
		if (this.mailboxes.needsKeptMailConsent(address, form.isTakeOverKeptMail())) {
			result.rejectValue("takeOverKeptMail", "mailboxes.note.kept-mail", new Object[] { address }, null);
			model.addAttribute("keptMail", true);
			return NEW_VIEW;
		}
		MailboxOutcome outcome = this.mailboxes.create(address, form.getPassword(), form.isTakeOverKeptMail());
		attributes.addFlashAttribute(OUTCOME, outcome);
		return TO_RESULT;
	}

	@GetMapping("/mailboxes/{address}/password")
	String passwordForm(@PathVariable String address, Model model) {
		model.addAttribute("mailbox", existing(address));
		model.addAttribute("form", new PasswordFormData());
		return PASSWORD_VIEW;
	}

	@PostMapping("/mailboxes/{address}/password")
	String changePassword(@PathVariable String address, @ModelAttribute("form") PasswordFormData form,
			BindingResult result, Model model, RedirectAttributes attributes) {
		Mailbox mailbox = existing(address);
		NewMailboxRules.checkPassword(form.getPassword(), form.getPasswordConfirm(), mailbox.localPart(), result);
		if (result.hasErrors()) {
			model.addAttribute("mailbox", mailbox);
			return PASSWORD_VIEW;
		}
		attributes.addFlashAttribute(OUTCOME, this.mailboxes.changePassword(mailbox.address(), form.getPassword()));
		return TO_RESULT;
	}

	@GetMapping("/mailboxes/{address}/delete")
	String deleteForm(@PathVariable String address, Model model) {
		model.addAttribute("mailbox", existing(address));
		model.addAttribute("form", new DeleteMailboxFormData());
		return DELETE_VIEW;
	}

	@PostMapping("/mailboxes/{address}/delete")
	String delete(@PathVariable String address, @Valid @ModelAttribute("form") DeleteMailboxFormData form,
			BindingResult result, Model model, RedirectAttributes attributes) {
		Mailbox mailbox = existing(address);
		if (!result.hasFieldErrors("confirm")
				&& !form.getConfirm().strip().toLowerCase(Locale.ROOT).equals(mailbox.address())) {
			result.rejectValue("confirm", "mailboxes.delete.confirm.mismatch");
		}
		if (result.hasErrors()) {
			model.addAttribute("mailbox", mailbox);
			return DELETE_VIEW;
		}
		attributes.addFlashAttribute(OUTCOME, this.mailboxes.delete(mailbox.address(), form.isKeepMail()));
		return TO_RESULT;
	}

	@PostMapping("/mailboxes/{address}/repair")
	String repair(@PathVariable String address, RedirectAttributes attributes) {
		attributes.addFlashAttribute(OUTCOME, this.mailboxes.repair(existing(address).address()));
		return TO_RESULT;
	}

	@GetMapping("/mailboxes/result")
	String result(Model model) {
		if (!model.containsAttribute(OUTCOME)) {
			return "redirect:/mailboxes";
		}
		return RESULT_VIEW;
	}

	@ExceptionHandler(MaddyException.class)
	String maddyFailed(MaddyException ex, Model model) {
		model.addAttribute("listError", ex.getRun());
		model.addAttribute("listStatus", this.mailboxes.listStatus());
		model.addAttribute("domains", List.of());
		return LIST_VIEW;
	}

	private boolean isLocal(String domain) {
		try {
			return this.domains.isLocal(domain);
		}
		catch (MailFileException ex) {
			return false;
		}
	}

	private Mailbox existing(String address) {
		return findByAddress(this.mailboxes, address).orElseThrow(() -> new MailNotFoundException(address));
	}

	/**
	 * The mailbox an address in a URL names, for the pages and the API alike.
	 * @param mailboxes the mailboxes
	 * @param address the address as it came, in any case
	 * @return the mailbox, or empty when there is none or the address cannot be one
	 */
	static Optional<Mailbox> findByAddress(Mailboxes mailboxes, String address) {
		String key = (address != null) ? address.toLowerCase(Locale.ROOT) : "";
		return Argument.MAILBOX.accepts(key) ? mailboxes.find(key) : Optional.empty();
	}

}
