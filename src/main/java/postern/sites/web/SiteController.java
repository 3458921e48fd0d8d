package postern.sites.web;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import jakarta.validation.Valid;

import postern.change.Change;
import postern.infrastructure.EditMode;
import postern.infrastructure.Paging;
import postern.infrastructure.Redirects;
import postern.sites.CaddyfileSyntaxException;
import postern.sites.SiteEntry;
import postern.sites.SiteFieldException;
import postern.sites.SiteIds;
import postern.sites.SiteKind;
import postern.sites.SiteService;
import postern.sites.SiteValues;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sites pages: every block of the Caddyfile, a form per kind for new and edited
 * sites, raw edit and delete. Every submit leads to the change's preview.
 */
@Controller
@RequestMapping("/sites")
class SiteController {

	static final String LIST = "sites/list";

	static final String FORM = "sites/form";

	static final String RAW = "sites/raw";

	static final String DELETE = "sites/delete";

	static final int PAGE_SIZE = 50;

	private final SiteService sites;

	SiteController(SiteService sites) {
		this.sites = sites;
	}

	@ModelAttribute("kinds")
	List<SiteKind> kinds() {
		return SiteForm.kinds();
	}

	@GetMapping
	String list(@RequestParam(name = "page", required = false) String page, Model model) {
		try {
			Page<SiteEntry> shown = this.sites.page(Paging.requested(page), PAGE_SIZE);
			model.addAttribute("entries", shown.getContent());
			model.addAttribute("paging", Paging.of(shown));
		}
		catch (CaddyfileSyntaxException ex) {
			return unreadable(ex, model);
		}
		return LIST;
	}

	/**
	 * A Caddyfile that Postern cannot read, or a block it could not edit, ends on the
	 * list with the file as text: where Postern stopped, what it expected, and Caddy's
	 * verdict. Nothing is written.
	 */
	@ExceptionHandler(CaddyfileSyntaxException.class)
	String unreadable(CaddyfileSyntaxException ex, Model model) {
		model.addAttribute("kinds", kinds());
		model.addAttribute("entries", List.of());
		model.addAttribute("syntaxError", ex.getMessage());
		model.addAttribute("unreadable", this.sites.unreadable(ex));
		return LIST;
	}

	@GetMapping("/new")
	String newForm(@RequestParam(required = false) String kind, @RequestParam(required = false) String domain,
			@RequestParam(required = false) String mx, Model model) {
		SiteForm form = new SiteForm();
		form.setGzip(true);
		if ("mta-sts".equals(kind) || "proxy".equals(kind) || "redirect".equals(kind)) {
			form.setKind(kind);
		}
		if (domain != null && SiteValues.matches(SiteValues.MX_HOSTS, domain)) {
			form.setKind("mta-sts");
			form.setAddresses("mta-sts." + domain.toLowerCase(Locale.ROOT));
		}
		if (mx != null && SiteValues.matches(SiteValues.MX_HOSTS, mx)) {
			form.setMx(mx);
		}
		model.addAttribute("form", form);
		model.addAttribute("editMode", EditMode.CREATE);
		return FORM;
	}

	@PostMapping("/new")
	String create(@Valid @ModelAttribute("form") SiteForm form, BindingResult result, Model model,
			RedirectAttributes attributes) {
		model.addAttribute("editMode", EditMode.CREATE);
		if (result.hasErrors()) {
			return FORM;
		}
		return preview(() -> this.sites.previewNew(form.toInput()), result, attributes);
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable String id, Model model) {
		SiteEntry entry = this.sites.find(SiteIds.decode(id));
		if (!entry.kind().editable()) {
			return "redirect:/sites/" + SiteIds.encode(entry.id()) + "/raw";
		}
		model.addAttribute("form", SiteForm.from(entry.site()));
		editing(model, entry);
		return FORM;
	}

	@PostMapping("/{id}/edit")
	String edit(@PathVariable String id, @Valid @ModelAttribute("form") SiteForm form, BindingResult result,
			Model model, RedirectAttributes attributes) {
		SiteEntry entry = this.sites.find(SiteIds.decode(id));
		editing(model, entry);
		if (result.hasErrors()) {
			return FORM;
		}
		return preview(() -> this.sites.previewEdit(entry.id(), form.toInput()), result, attributes);
	}

	/**
	 * Preview a site's change and go to it, or show the form again with the field (or the
	 * Caddyfile) that refused it.
	 */
	private static String preview(Supplier<Change> preview, BindingResult result, RedirectAttributes attributes) {
		try {
			return Redirects.toChange(preview.get().getId(), attributes);
		}
		catch (SiteFieldException ex) {
			result.rejectValue(ex.getField(), ex.getMessageKey(), ex.getArgs(), ex.getMessageKey());
		}
		catch (CaddyfileSyntaxException ex) {
			result.reject("sites.error.caddyfile", new Object[] { ex.getMessage() }, ex.getMessage());
		}
		return FORM;
	}

	@GetMapping("/{id}/raw")
	String rawForm(@PathVariable String id, Model model) {
		SiteEntry entry = this.sites.find(SiteIds.decode(id));
		RawForm form = new RawForm();
		form.setText(entry.block().text());
		model.addAttribute("form", form);
		editing(model, entry);
		return RAW;
	}

	@PostMapping("/{id}/raw")
	String raw(@PathVariable String id, @Valid @ModelAttribute("form") RawForm form, BindingResult result, Model model,
			RedirectAttributes attributes) {
		SiteEntry entry = this.sites.find(SiteIds.decode(id));
		editing(model, entry);
		if (result.hasErrors()) {
			return RAW;
		}
		try {
			Change change = this.sites.previewRaw(entry.id(), form.getText(), form.isAcceptUnjudged());
			return Redirects.toChange(change.getId(), attributes);
		}
		catch (SiteFieldException ex) {
			String field = "acceptUnjudged".equals(ex.getField()) ? ex.getField() : "text";
			result.rejectValue(field, ex.getMessageKey(), ex.getArgs(), ex.getMessageKey());
		}
		return RAW;
	}

	@GetMapping("/{id}/delete")
	String deleteForm(@PathVariable String id, Model model) {
		editing(model, this.sites.find(SiteIds.decode(id)));
		return DELETE;
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable String id, Model model, RedirectAttributes attributes) {
		SiteEntry entry = this.sites.find(SiteIds.decode(id));
		try {
			Change change = this.sites.previewDelete(entry.id());
			return Redirects.toChange(change.getId(), attributes);
		}
		catch (SiteFieldException ex) {
			editing(model, entry);
			model.addAttribute("refused", ex.getMessageKey());
			return DELETE;
		}
	}

	private static void editing(Model model, SiteEntry entry) {
		model.addAttribute("editMode", EditMode.UPDATE);
		model.addAttribute("entry", entry);
		model.addAttribute("path", entry.pathId());
	}

}
