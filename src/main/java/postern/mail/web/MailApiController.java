package postern.mail.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;

import postern.change.ApiChanges;
import postern.change.ChangeReport;
import postern.api.InvalidApiRequestException;
import postern.mail.Alias;
import postern.mail.Aliases;
import postern.mail.MailDomain;
import postern.mail.MailDomains;
import postern.mail.MailFileException;
import postern.mail.Mailbox;
import postern.mail.MailboxOutcome;
import postern.mail.Mailboxes;
import postern.mail.NewMailboxRules;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Domains, mailboxes and aliases in the JSON API. Requests bind to the same form objects
 * as the pages and pass the same checks, so the API accepts exactly what the forms
 * accept; an alias change goes through the change pipeline and is applied in the same
 * call. A password comes in the body and goes to maddy on its standard input only.
 */
@RestController
@RequestMapping("/api/v1")
class MailApiController {

	static final int MAX_PAGE_SIZE = 500;

	private final Mailboxes mailboxes;

	private final MailDomains domains;

	private final Aliases aliases;

	private final ApiChanges changes;

	private final MessageSource messages;

	private final NewMailboxRules rules;

	MailApiController(Mailboxes mailboxes, MailDomains domains, Aliases aliases, ApiChanges changes,
			MessageSource messages, NewMailboxRules rules) {
		this.mailboxes = mailboxes;
		this.domains = domains;
		this.aliases = aliases;
		this.changes = changes;
		this.messages = messages;
		this.rules = rules;
	}

	@GetMapping("/domains")
	List<DomainJson> domains() {
		Map<String, Long> mailboxCounts = this.mailboxes.countsByDomain();
		Map<String, Long> aliasCounts = this.aliases.countsByDomain();
		return this.domains.list()
			.stream()
			.map((domain) -> DomainJson.of(domain, mailboxCounts.getOrDefault(domain.name(), 0L),
					aliasCounts.getOrDefault(domain.name(), 0L)))
			.toList();
	}

	@GetMapping("/domains/{domain}")
	DomainDetailJson domain(@PathVariable String domain) {
		MailDomain found = this.domains.find(domain.toLowerCase(Locale.ROOT))
			.orElseThrow(() -> new MailNotFoundException(domain));
		List<String> mailboxes = this.mailboxes.all()
			.stream()
			.filter((mailbox) -> mailbox.domain().equals(found.name()))
			.map(Mailbox::address)
			.toList();
		List<AliasJson> aliases = this.aliases.list()
			.stream()
			.filter((alias) -> alias.domain().equals(found.name()))
			.map(AliasJson::of)
			.toList();
		return new DomainDetailJson(found.name(), found.displayName(), found.primary(), mailboxes, aliases);
	}

	@GetMapping("/mailboxes")
	PageJson<MailboxJson> mailboxes(@RequestParam(name = "domain", required = false) String domain,
			@RequestParam(name = "q", required = false) String query,
			@RequestParam(name = "page", defaultValue = "0") int page,
			@RequestParam(name = "size", defaultValue = "50") int size) {
		String wanted = (domain != null && !domain.isBlank())
				? postern.names.Addresses.domain(domain.strip()).orElse("-") : null;
		String text = (query != null && query.length() <= 254) ? query : null;
		Page<Mailbox> found = this.mailboxes.find(wanted, text, pageRequest(page, size));
		return PageJson.of(found, MailboxJson::of);
	}

	@GetMapping("/mailboxes/{address}")
	MailboxJson mailbox(@PathVariable String address) {
		return MailboxJson.of(existing(address));
	}

	@PostMapping("/mailboxes")
	ResponseEntity<OutcomeJson> createMailbox(@Valid @RequestBody CreateMailboxFormData form, BindingResult result) {
		// A script sends the password once; the form's second field is for typing errors.
		form.setPasswordConfirm(form.getPassword());
		String address = this.rules
			.check(form.getLocalPart(), form.getDomain(), form.getPassword(), form.getPasswordConfirm(), result)
			.orElse(null);
		if (address == null) {
			throw new InvalidApiRequestException(result);
		}
		MailboxOutcome outcome = this.mailboxes.create(address, form.getPassword(), form.isTakeOverKeptMail());
		return outcome(outcome, HttpStatus.CREATED);
	}

	/**
	 * Archive (the default: login removed, mail kept) or, with {@code keepMail=false},
	 * delete a mailbox with all its mail.
	 */
	@DeleteMapping("/mailboxes/{address}")
	ResponseEntity<OutcomeJson> deleteMailbox(@PathVariable String address,
			@RequestParam(name = "keepMail", defaultValue = "true") boolean keepMail) {
		return outcome(this.mailboxes.delete(existing(address).address(), keepMail), HttpStatus.OK);
	}

	@GetMapping("/aliases")
	PageJson<AliasJson> aliases(@RequestParam(name = "q", required = false) String query,
			@RequestParam(name = "page", defaultValue = "0") int page,
			@RequestParam(name = "size", defaultValue = "100") int size) {
		return PageJson.of(this.aliases.search(query, pageRequest(page, size)), AliasJson::of);
	}

	@GetMapping("/aliases/{alias}")
	AliasJson alias(@PathVariable String alias) {
		return AliasJson
			.of(this.aliases.find(alias.toLowerCase(Locale.ROOT)).orElseThrow(() -> new MailNotFoundException(alias)));
	}

	@PostMapping("/aliases")
	ResponseEntity<ChangeReport> createAlias(@Valid @RequestBody AliasForm form, BindingResult result) {
		if (result.hasErrors()) {
			throw new InvalidApiRequestException(result);
		}
		try {
			return changed(this.changes.applyNow(this.aliases.previewAdd(form.storedAlias(), form.storedTargets())),
					HttpStatus.CREATED);
		}
		catch (MailFileException ex) {
			result.rejectValue("alias", ex.messageKey(), ex.arguments().toArray(), null);
			throw new InvalidApiRequestException(result);
		}
	}

	@DeleteMapping("/aliases/{alias}")
	ResponseEntity<ChangeReport> deleteAlias(@PathVariable String alias) {
		Alias found = this.aliases.find(alias.toLowerCase(Locale.ROOT))
			.orElseThrow(() -> new MailNotFoundException(alias));
		return changed(this.changes.applyNow(this.aliases.previewRemove(found.address())), HttpStatus.OK);
	}

	private ResponseEntity<OutcomeJson> outcome(MailboxOutcome outcome, HttpStatus success) {
		Locale locale = LocaleContextHolder.getLocale();
		OutcomeJson body = OutcomeJson.of(outcome,
				(key) -> this.messages.getMessage(key, new Object[] { outcome.address() }, key, locale));
		if (outcome.success()) {
			return ResponseEntity.status(success).body(body);
		}
		boolean refused = outcome.runs().isEmpty() || outcome.resultKey().endsWith("already-exists");
		return ResponseEntity.status(refused ? HttpStatus.CONFLICT : HttpStatus.BAD_GATEWAY).body(body);
	}

	private static ResponseEntity<ChangeReport> changed(ChangeReport report, HttpStatus success) {
		return ResponseEntity.status(report.applied() ? success : HttpStatus.CONFLICT).body(report);
	}

	private static PageRequest pageRequest(int page, int size) {
		return PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), MAX_PAGE_SIZE));
	}

	private Mailbox existing(String address) {
		return MailboxController.findByAddress(this.mailboxes, address)
			.orElseThrow(() -> new MailNotFoundException(address));
	}

	/**
	 * A domain in the list.
	 *
	 * @param name its stored ASCII name
	 * @param displayName its Unicode form
	 * @param primary whether it is maddy's primary domain
	 * @param mailboxes how many mailboxes it has
	 * @param aliases how many aliases it has
	 */
	record DomainJson(String name, String displayName, boolean primary, long mailboxes, long aliases) {

		static DomainJson of(MailDomain domain, long mailboxes, long aliases) {
			return new DomainJson(domain.name(), domain.displayName(), domain.primary(), mailboxes, aliases);
		}

	}

	/**
	 * One domain with its mailboxes and aliases.
	 *
	 * @param name its stored ASCII name
	 * @param displayName its Unicode form
	 * @param primary whether it is maddy's primary domain
	 * @param mailboxes the addresses of its mailboxes
	 * @param aliases its aliases
	 */
	record DomainDetailJson(String name, String displayName, boolean primary, List<String> mailboxes,
			List<AliasJson> aliases) {
	}

	/**
	 * A mailbox.
	 *
	 * @param address its address
	 * @param domain its domain
	 * @param state {@code COMPLETE}, {@code NO_IMAP_ACCOUNT} (half-made) or
	 * {@code NO_CREDENTIALS} (archived)
	 */
	record MailboxJson(String address, String domain, String state) {

		static MailboxJson of(Mailbox mailbox) {
			return new MailboxJson(mailbox.address(), mailbox.domain(), mailbox.state().name());
		}

	}

	/**
	 * An alias.
	 *
	 * @param alias its address
	 * @param targets where its mail goes
	 */
	record AliasJson(String alias, List<String> targets) {

		static AliasJson of(Alias alias) {
			return new AliasJson(alias.address(), alias.targets());
		}

	}

	/**
	 * A page of a list.
	 *
	 * @param items this page's items
	 * @param page the page number, from 0
	 * @param size the page size
	 * @param total how many items match in all
	 * @param <T> the items' type
	 */
	record PageJson<T>(List<T> items, int page, int size, long total) {

		static <S, T> PageJson<T> of(Page<S> page, java.util.function.Function<S, T> map) {
			return new PageJson<>(page.getContent().stream().map(map).toList(), page.getNumber(), page.getSize(),
					page.getTotalElements());
		}

	}

	/**
	 * What a mailbox action did.
	 *
	 * @param action e.g. {@code mailbox.create}
	 * @param address the mailbox
	 * @param success whether it is now as asked
	 * @param message what happened, in the reader's language
	 * @param commands the maddy commands run (never with a password) and their exit codes
	 * @param notes warnings
	 */
	record OutcomeJson(String action, String address, boolean success, String message, List<CommandJson> commands,
			List<String> notes) {

		static OutcomeJson of(MailboxOutcome outcome, java.util.function.Function<String, String> text) {
			return new OutcomeJson(outcome.action().code(), outcome.address(), outcome.success(),
					text.apply(outcome.resultKey()),
					outcome.runs()
						.stream()
						.map((run) -> new CommandJson(run.commandLine(), run.exitCode(),
								Optional.ofNullable(run.error()).map(Enum::name).orElse(null)))
						.toList(),
					outcome.noteKeys().stream().map(text).toList());
		}

	}

	/**
	 * One maddy call.
	 *
	 * @param command the command line as shown
	 * @param exitCode its exit code
	 * @param error what went wrong, or {@code null}
	 */
	record CommandJson(String command, int exitCode, String error) {
	}

}
