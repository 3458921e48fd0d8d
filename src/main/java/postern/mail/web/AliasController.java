package postern.mail.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import postern.infrastructure.EditMode;
import postern.infrastructure.Paging;
import postern.infrastructure.Redirects;
import postern.mail.Alias;
import postern.mail.Aliases;
import postern.mail.MailFileException;
import postern.mail.Mailboxes;

import org.springframework.data.domain.Page;
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
 * The aliases file: list grouped by domain with search and paging, new, edit, delete —
 * each previewed as a change of the file.
 */
@Controller
class AliasController {

	static final String LIST_VIEW = "mail/aliases";

	static final String FORM_VIEW = "mail/alias-form";

	static final String DELETE_VIEW = "mail/alias-delete";

	static final int PAGE_SIZE = 100;

	private final Aliases aliases;

	private final Mailboxes mailboxes;

	AliasController(Aliases aliases, Mailboxes mailboxes) {
		this.aliases = aliases;
		this.mailboxes = mailboxes;
	}

	@GetMapping("/aliases")
	String list(@RequestParam(name = "q", required = false) String query,
			@RequestParam(name = "page", required = false) String page, Model model) {
		Page<Alias> found = Paging.within(Paging.requested(page), PAGE_SIZE,
				(pageable) -> this.aliases.search(query, pageable));
		Map<String, List<Alias>> byDomain = found.getContent()
			.stream()
			.collect(Collectors.groupingBy(Alias::domain, LinkedHashMap::new, Collectors.toList()));
		model.addAttribute("aliases", found);
		model.addAttribute("paging", Paging.of(found));
		model.addAttribute("groups", byDomain);
		model.addAttribute("problems", this.aliases.problems());
		model.addAttribute("mailboxAddresses", mailboxAddresses());
		model.addAttribute("q", query);
		return LIST_VIEW;
	}

	@GetMapping("/aliases/new")
	String newAlias(Model model) {
		model.addAttribute("form", new AliasForm());
		model.addAttribute("editMode", EditMode.CREATE);
		return FORM_VIEW;
	}

	@PostMapping("/aliases/new")
	String create(@Valid @ModelAttribute("form") AliasForm form, BindingResult result, Model model,
			RedirectAttributes attributes) {
		model.addAttribute("editMode", EditMode.CREATE);
		if (result.hasErrors()) {
			return FORM_VIEW;
		}
		try {
			return Redirects.toChange(this.aliases.previewAdd(form.storedAlias(), form.storedTargets()).getId(),
					attributes);
		}
		catch (MailFileException ex) {
			result.rejectValue("alias", ex.messageKey(), ex.arguments().toArray(), null);
			return FORM_VIEW;
		}
	}

	@GetMapping("/aliases/{alias}/edit")
	String edit(@PathVariable String alias, Model model) {
		Alias current = existing(alias);
		model.addAttribute("form", AliasForm.from(current));
		model.addAttribute("editMode", EditMode.UPDATE);
		model.addAttribute("mailboxAddresses", mailboxAddresses());
		return FORM_VIEW;
	}

	@PostMapping("/aliases/{alias}/edit")
	String update(@PathVariable String alias, @Valid @ModelAttribute("form") AliasForm form, BindingResult result,
			Model model, RedirectAttributes attributes) {
		Alias current = existing(alias);
		form.setAlias(current.address());
		model.addAttribute("editMode", EditMode.UPDATE);
		model.addAttribute("mailboxAddresses", mailboxAddresses());
		if (result.hasFieldErrors("targets")) {
			return FORM_VIEW;
		}
		return Redirects.toChange(this.aliases.previewEdit(current.address(), form.storedTargets()).getId(),
				attributes);
	}

	@GetMapping("/aliases/{alias}/delete")
	String confirmDelete(@PathVariable String alias, Model model) {
		model.addAttribute("alias", existing(alias));
		return DELETE_VIEW;
	}

	@PostMapping("/aliases/{alias}/delete")
	String delete(@PathVariable String alias, RedirectAttributes attributes) {
		return Redirects.toChange(this.aliases.previewRemove(existing(alias).address()).getId(), attributes);
	}

	/** An alias on a mailbox's address takes its mail: the pages say so. */
	private Set<String> mailboxAddresses() {
		return this.mailboxes.addresses();
	}

	private Alias existing(String alias) {
		return this.aliases.find(alias).orElseThrow(() -> new MailNotFoundException(alias));
	}

}
