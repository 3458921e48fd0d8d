package postern.mail;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;

import postern.audit.AuditLog;
import postern.host.Host;
import postern.host.Hosts;
import postern.mail.MailboxOutcome.Action;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/**
 * The mailboxes of the current host: a mailbox is a maddy login plus an IMAP account of
 * the same name. The list comes from {@code creds list} and {@code imap-acct list}, is
 * kept per host and served at once, read again in the background once it is a few seconds
 * old ({@link MailboxListings}), then paged, filtered and counted here. An action reads
 * the list before it acts and again after, so the next page shows what it did. Every
 * action is audited, never with a password.
 */
@Service
public class Mailboxes {

	/** The shortest mailbox password, in bytes. */
	public static final int MIN_PASSWORD_BYTES = 10;

	/** The longest mailbox password, in bytes (bcrypt's limit). */
	public static final int MAX_PASSWORD_BYTES = 72;

	/** How long the refresh button waits for the list before it shows the page anyway. */
	static final Duration REFRESH_WAIT = Duration.ofSeconds(10);

	private final MaddyCli maddy;

	private final AuditLog auditLog;

	private final Hosts hosts;

	private final ExecutorService background = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "mailbox-list");
		thread.setDaemon(true);
		return thread;
	});

	private final MailboxListings listings;

	/** What the pages derive from the current list, computed once per list read. */
	private final DerivedViews views = new DerivedViews();

	Mailboxes(MaddyCli maddy, AuditLog auditLog, Hosts hosts, Optional<Clock> clock) {
		this.maddy = maddy;
		this.auditLog = auditLog;
		this.hosts = hosts;
		this.listings = new MailboxListings(this::load, this.background, clock.orElseGet(Clock::systemUTC));
	}

	/**
	 * Every mailbox of the current host, sorted by address: the last list read, which is
	 * read again in the background once it is a few seconds old. Only a host with no list
	 * yet waits for maddy.
	 * @return the mailboxes
	 * @throws MaddyException when there is no list yet and maddy cannot list them
	 */
	public List<Mailbox> all() {
		return this.listings.current(this.hosts.current());
	}

	/**
	 * How fresh the current host's list is: its age, whether it is being read again, and
	 * why the last read failed.
	 * @return the status of the list {@link #all()} gives
	 */
	public MailboxListStatus listStatus() {
		return this.listings.status(this.hosts.current());
	}

	/**
	 * Read the current host's list again, as the admin asked, waiting a few seconds at
	 * most; meanwhile other requests keep getting the last list.
	 * @return whether the read ended in that time (a failure is told by
	 * {@link #listStatus()})
	 */
	public boolean refresh() {
		return this.listings.refresh(this.hosts.current(), REFRESH_WAIT);
	}

	/**
	 * Forget every host's list, so the next call waits for maddy again.
	 */
	public void invalidate() {
		this.listings.forget();
	}

	@PreDestroy
	void stop() {
		this.background.shutdownNow();
	}

	/**
	 * A page of mailboxes, filtered.
	 * @param domain only this domain; blank for all
	 * @param query text the address must contain; blank for all
	 * @param pageable the page
	 * @return the page, with the total count of matching mailboxes
	 */
	public Page<Mailbox> find(String domain, String query, Pageable pageable) {
		String wanted = StringUtils.hasText(domain) ? domain.strip().toLowerCase(Locale.ROOT) : "";
		String text = StringUtils.hasText(query) ? query.strip().toLowerCase(Locale.ROOT) : "";
		List<Mailbox> all = all();
		List<Mailbox> matching = (wanted.isEmpty() && text.isEmpty()) ? all
				: this.views.of(all, new Search(wanted, text),
						() -> all.stream()
							.filter((mailbox) -> wanted.isEmpty() || mailbox.domain().equals(wanted))
							.filter((mailbox) -> mailbox.address().contains(text))
							.toList());
		int from = (int) Math.min(pageable.getOffset(), matching.size());
		int to = Math.min(from + pageable.getPageSize(), matching.size());
		return new PageImpl<>(matching.subList(from, to), pageable, matching.size());
	}

	/**
	 * The mailboxes of one domain, sorted by address.
	 * @param domain a lower-case ASCII domain
	 * @return its mailboxes, whatever their state
	 */
	public List<Mailbox> inDomain(String domain) {
		List<Mailbox> all = all();
		return this.views
			.of(all, View.BY_DOMAIN,
					() -> all.stream().collect(Collectors.groupingBy(Mailbox::domain, Collectors.toUnmodifiableList())))
			.getOrDefault(domain, List.of());
	}

	/**
	 * The address of every mailbox.
	 * @return the addresses, whatever their state
	 */
	public Set<String> addresses() {
		List<Mailbox> all = all();
		return this.views.of(all, View.ADDRESSES,
				() -> all.stream().map(Mailbox::address).collect(Collectors.toUnmodifiableSet()));
	}

	/**
	 * How many mailboxes each domain has.
	 * @return each domain with mailboxes and their count, whatever their state
	 */
	public Map<String, Long> countsByDomain() {
		List<Mailbox> all = all();
		return this.views.of(all, View.COUNTS,
				() -> Map.copyOf(all.stream().collect(Collectors.groupingBy(Mailbox::domain, Collectors.counting()))));
	}

	/**
	 * How many mailboxes a domain has.
	 * @param domain a lower-case ASCII domain
	 * @return the count, whatever their state
	 */
	public long countIn(String domain) {
		return countsByDomain().getOrDefault(domain, 0L);
	}

	/**
	 * One mailbox.
	 * @param address a full address
	 * @return the mailbox, or empty when neither a login nor an IMAP account has that
	 * name
	 */
	public Optional<Mailbox> find(String address) {
		String key = address.toLowerCase(Locale.ROOT);
		return all().stream().filter((mailbox) -> mailbox.address().equals(key)).findFirst();
	}

	/**
	 * The rules of a mailbox password: 10 to 72 bytes in UTF-8, printable (no newline,
	 * CR, NUL or other control character: maddy reads one line), not containing the local
	 * part.
	 * @param password the password
	 * @param localPart the mailbox's local part, or {@code null} when unknown
	 * @return message keys of the rules it breaks; empty when it is acceptable
	 */
	public static List<String> passwordProblems(String password, String localPart) {
		List<String> problems = new ArrayList<>();
		if (password == null || password.isEmpty()) {
			problems.add("mailboxes.password.required");
			return problems;
		}
		int bytes = password.getBytes(StandardCharsets.UTF_8).length;
		if (bytes < MIN_PASSWORD_BYTES) {
			problems.add("mailboxes.password.too-short");
		}
		if (bytes > MAX_PASSWORD_BYTES) {
			problems.add("mailboxes.password.too-long");
		}
		if (password.codePoints().anyMatch(Mailboxes::notPrintable)) {
			problems.add("mailboxes.password.not-printable");
		}
		if (localPart != null && localPart.length() >= 3
				&& password.toLowerCase(Locale.ROOT).contains(localPart.toLowerCase(Locale.ROOT))) {
			problems.add("mailboxes.password.contains-name");
		}
		return problems;
	}

	private static boolean notPrintable(int codePoint) {
		int type = Character.getType(codePoint);
		return type == Character.CONTROL || type == Character.UNASSIGNED || type == Character.SURROGATE
				|| type == Character.PRIVATE_USE || type == Character.LINE_SEPARATOR
				|| type == Character.PARAGRAPH_SEPARATOR;
	}

	/**
	 * Whether creating a mailbox needs the admin's consent first: its address still has
	 * the kept mail of an archived mailbox, which a new login would receive.
	 * @param address the lower-case full address
	 * @param takeOverKeptMail whether the admin already agreed
	 * @return {@code true} when the mailbox may not be created without that consent
	 */
	public boolean needsKeptMailConsent(String address, boolean takeOverKeptMail) {
		return !takeOverKeptMail
				&& find(address).filter((mailbox) -> mailbox.state() == Mailbox.State.NO_CREDENTIALS).isPresent();
	}

	/**
	 * Create a mailbox: {@code creds create}, then {@code imap-acct create}; when the
	 * second fails the first is undone. An address whose IMAP account was kept (an
	 * archived mailbox) gets only a new login, and so its old mail, when
	 * {@code takeOverKeptMail} says the admin agreed.
	 * @param address the lower-case full address
	 * @param password a password that breaks none of the {@link #passwordProblems rules}
	 * @param takeOverKeptMail whether the admin agreed that a new login may receive the
	 * kept mail of an archived mailbox
	 * @return what happened
	 */
	public MailboxOutcome create(String address, String password, boolean takeOverKeptMail) {
		requirePassword(address, password);
		List<MaddyRun> runs = new ArrayList<>();
		Optional<Mailbox> existing;
		try {
			existing = fresh(address);
		}
		catch (MaddyException ex) {
			return finish(Action.CREATE, address, false, "mailboxes.result.list-failed", List.of(ex.getRun()),
					List.of());
		}
		boolean keptMail = existing.filter((mailbox) -> mailbox.state() == Mailbox.State.NO_CREDENTIALS).isPresent();
		if (keptMail && !takeOverKeptMail) {
			return finish(Action.CREATE, address, false, "mailboxes.result.kept-mail-needs-consent", runs,
					List.of("mailboxes.note.kept-mail"));
		}
		MaddyRun credentials = this.maddy.createCredentials(address, password);
		runs.add(credentials);
		if (!credentials.succeeded()) {
			String key = (credentials.error() == MaddyError.ALREADY_EXISTS) ? "mailboxes.result.already-exists"
					: "mailboxes.result.create-failed";
			return finish(Action.CREATE, address, false, key, runs, List.of());
		}
		if (!keptMail) {
			MaddyRun account = this.maddy.createImapAccount(address);
			runs.add(account);
			if (!account.succeeded()) {
				MaddyRun undo = this.maddy.removeCredentials(address);
				runs.add(undo);
				readBack();
				return finish(Action.CREATE, address, false,
						undo.succeeded() ? "mailboxes.result.create-undone" : "mailboxes.result.create-undo-failed",
						runs, List.of());
			}
		}
		List<String> notes = keptMail ? List.of("mailboxes.note.kept-mail-taken-over") : List.of();
		return verify(Action.CREATE, address, runs, notes, Mailbox.State.COMPLETE,
				keptMail ? "mailboxes.result.created-with-kept-mail" : "mailboxes.result.created");
	}

	/**
	 * Set a mailbox's password, after checking that its login exists ({@code creds
	 * password} would create a missing one).
	 * @param address the lower-case full address
	 * @param password a password that breaks none of the {@link #passwordProblems rules}
	 * @return what happened
	 */
	public MailboxOutcome changePassword(String address, String password) {
		requirePassword(address, password);
		try {
			if (fresh(address).filter(Mailbox::hasCredentials).isEmpty()) {
				return finish(Action.PASSWORD, address, false, "mailboxes.result.no-login", List.of(), List.of());
			}
		}
		catch (MaddyException ex) {
			return finish(Action.PASSWORD, address, false, "mailboxes.result.list-failed", List.of(ex.getRun()),
					List.of());
		}
		MaddyRun run = this.maddy.changePassword(address, password);
		return finish(Action.PASSWORD, address, run.succeeded(),
				run.succeeded() ? "mailboxes.result.password-changed" : "mailboxes.result.password-failed",
				List.of(run), List.of());
	}

	/**
	 * Delete a mailbox: remove its login and, unless its mail is kept, its IMAP account
	 * with all its mail.
	 * @param address the lower-case full address
	 * @param keepMail {@code true} to archive (mail kept, login removed)
	 * @return what happened
	 */
	public MailboxOutcome delete(String address, boolean keepMail) {
		Action action = keepMail ? Action.ARCHIVE : Action.DELETE;
		Optional<Mailbox> existing;
		try {
			existing = fresh(address);
		}
		catch (MaddyException ex) {
			return finish(action, address, false, "mailboxes.result.list-failed", List.of(ex.getRun()), List.of());
		}
		if (existing.isEmpty()) {
			return finish(action, address, false, "mailboxes.result.not-found", List.of(), List.of());
		}
		Mailbox mailbox = existing.get();
		List<MaddyRun> runs = new ArrayList<>();
		if (mailbox.hasCredentials()) {
			MaddyRun run = this.maddy.removeCredentials(address);
			runs.add(run);
			if (!run.succeeded()) {
				return finish(action, address, false, "mailboxes.result.delete-failed", runs, List.of());
			}
		}
		if (!keepMail && mailbox.hasImapAccount()) {
			MaddyRun run = this.maddy.removeImapAccount(address);
			runs.add(run);
			if (!run.succeeded()) {
				readBack();
				return finish(action, address, false, "mailboxes.result.delete-mail-failed", runs, List.of());
			}
		}
		Optional<Mailbox> after;
		try {
			after = fresh(address);
		}
		catch (MaddyException ex) {
			runs.add(ex.getRun());
			return finish(action, address, false, "mailboxes.result.not-verified", runs, List.of());
		}
		boolean done = keepMail ? after.map((left) -> !left.hasCredentials()).orElse(true) : after.isEmpty();
		if (!done) {
			return finish(action, address, false, "mailboxes.result.not-verified", runs, List.of());
		}
		List<String> notes = (keepMail && mailbox.hasImapAccount()) ? List.of("mailboxes.note.kept-mail") : List.of();
		return finish(action, address, true, keepMail ? "mailboxes.result.archived" : "mailboxes.result.deleted", runs,
				notes);
	}

	/**
	 * Repair a half-made mailbox that has a login but no IMAP account: create the
	 * account. (An IMAP account without a login needs a password: it is given one by
	 * creating the mailbox again.)
	 * @param address the lower-case full address
	 * @return what happened
	 */
	public MailboxOutcome repair(String address) {
		Optional<Mailbox> existing;
		try {
			existing = fresh(address);
		}
		catch (MaddyException ex) {
			return finish(Action.REPAIR, address, false, "mailboxes.result.list-failed", List.of(ex.getRun()),
					List.of());
		}
		if (existing.isEmpty()) {
			return finish(Action.REPAIR, address, false, "mailboxes.result.not-found", List.of(), List.of());
		}
		if (existing.get().state() != Mailbox.State.NO_IMAP_ACCOUNT) {
			return finish(Action.REPAIR, address, false, "mailboxes.result.repair-not-possible", List.of(), List.of());
		}
		MaddyRun run = this.maddy.createImapAccount(address);
		if (!run.succeeded()) {
			return finish(Action.REPAIR, address, false, "mailboxes.result.repair-failed", List.of(run), List.of());
		}
		List<MaddyRun> runs = new ArrayList<>(List.of(run));
		return verify(Action.REPAIR, address, runs, List.of(), Mailbox.State.COMPLETE, "mailboxes.result.repaired");
	}

	private MailboxOutcome verify(Action action, String address, List<MaddyRun> runs, List<String> notes,
			Mailbox.State expected, String successKey) {
		try {
			boolean done = fresh(address).map((mailbox) -> mailbox.state() == expected).orElse(false);
			return finish(action, address, done, done ? successKey : "mailboxes.result.not-verified", runs, notes);
		}
		catch (MaddyException ex) {
			runs.add(ex.getRun());
			return finish(action, address, false, "mailboxes.result.not-verified", runs, notes);
		}
	}

	/**
	 * One mailbox as maddy lists it now; the list read is kept, so the next page shows
	 * what an action did.
	 */
	private Optional<Mailbox> fresh(String address) {
		String key = address.toLowerCase(Locale.ROOT);
		return this.listings.reload(this.hosts.current())
			.stream()
			.filter((mailbox) -> mailbox.address().equals(key))
			.findFirst();
	}

	/**
	 * Read the list again after an action that changed part of what it meant to: the next
	 * page shows where it stopped. A failed read is told by the list's status.
	 */
	private void readBack() {
		try {
			this.listings.reload(this.hosts.current());
		}
		catch (MaddyException ex) {
			// the list page says the list could not be read again, and why
		}
	}

	private static void requirePassword(String address, String password) {
		int at = address.lastIndexOf('@');
		if (!passwordProblems(password, (at > 0) ? address.substring(0, at) : null).isEmpty()) {
			throw new IllegalArgumentException("The password breaks the mailbox password rules");
		}
	}

	private MailboxOutcome finish(Action action, String address, boolean success, String resultKey, List<MaddyRun> runs,
			List<String> notes) {
		MailboxOutcome outcome = new MailboxOutcome(action, address, success, resultKey, runs, notes);
		String detail = resultKey + "\n" + runs.stream().map(MaddyRun::auditLine).collect(Collectors.joining("\n"));
		this.auditLog.record(action.code(), address, success, detail.strip());
		return outcome;
	}

	private List<Mailbox> load(Host host) {
		List<String> credentials = this.maddy.listCredentials(host);
		List<String> accounts = this.maddy.listImapAccounts(host);
		Set<String> withCredentials = new HashSet<>(credentials);
		Set<String> withAccount = new HashSet<>(accounts);
		Map<String, Boolean> names = new TreeMap<>();
		credentials.forEach((name) -> names.put(name, true));
		accounts.forEach((name) -> names.put(name, true));
		List<Mailbox> mailboxes = new ArrayList<>(names.size());
		for (String name : names.keySet()) {
			mailboxes.add(Mailbox.of(name, withCredentials.contains(name), withAccount.contains(name)));
		}
		return List.copyOf(mailboxes);
	}

	/** The views of the whole list. */
	private enum View {

		BY_DOMAIN, COUNTS, ADDRESSES

	}

	/** The mailboxes of a domain (blank for all) whose address contains a text. */
	private record Search(String domain, String text) {
	}

}
