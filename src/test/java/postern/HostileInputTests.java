package postern;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import postern.HostileCorpus.Entry;
import postern.host.Command;
import postern.host.CommandKind;
import postern.host.RecordingHost;
import postern.host.RecordingHostConfiguration;
import postern.host.RecordingHost.FileOperation;
import postern.infrastructure.FlashMessage;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.validation.BindingResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every entry of the hostile-input corpus ({@link HostileCorpus}) posted into every name,
 * address, path, host and free-text field of every form, and into every value the URLs
 * carry: each is refused with a message next to its field (or, for a value in a URL, a
 * 400 or 404), never with a 500, and none reaches a file or a command. The host records
 * every command and file operation it is asked for; only listings may run.
 * <p>
 * Password fields follow the password rules instead: a line break or NUL is refused, the
 * other hostile characters are accepted. A few entries are legitimately valid in a field
 * (a folder may be named {@code a@@x.org}); each field lists them, and the test checks
 * that they are indeed accepted, so the list stays true.
 */
@Import(RecordingHostConfiguration.class)
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class HostileInputTests extends PosternIntegrationTests {

	static final List<Entry> CORPUS = HostileCorpus.entries();

	/** Commands that read only: a refused value may cause these, nothing else. */
	static final Set<CommandKind> READ_ONLY = EnumSet.of(CommandKind.MADDY_CREDS_LIST, CommandKind.MADDY_IMAP_ACCT_LIST,
			CommandKind.CADDY_VERSION, CommandKind.SYSTEMCTL_SHOW, CommandKind.JOURNALCTL_TAIL,
			CommandKind.FAIL2BAN_STATUS, CommandKind.FAIL2BAN_JAIL_STATUS, CommandKind.UFW_STATUS,
			CommandKind.IP_ADDR_JSON);

	/**
	 * The check of a candidate Caddyfile, on a temporary copy: {@code caddy validate},
	 * and {@code caddy adapt} for what it dials.
	 */
	static final Set<CommandKind> CADDYFILE_CHECKS = EnumSet.of(CommandKind.CADDY_VALIDATE, CommandKind.CADDY_ADAPT);

	static final String PASSWORD = "a fine passphrase 42";

	static final String PROBE_SITE = "hostile-probe.example.org";

	static final List<String> JOURNALCTL = List.of("journalctl", "-u", "caddy.service", "-n", "200", "--no-pager", "-o",
			"short-iso");

	static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");

	@Autowired
	MockMvc mvc;

	@Autowired
	RecordingHost host;

	final List<String> failures = new ArrayList<>();

	int requests;

	@BeforeEach
	void clear() {
		this.host.clear();
		this.failures.clear();
	}

	@Test
	void corpusHoldsEveryKindOfHostileValue() {
		assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(200);
		assertThat(CORPUS).extracting(Entry::section)
			.contains("line-breaks", "nul-and-controls", "braces", "quotes", "backticks-and-shell", "paths", "long",
					"invalid-utf8", "homoglyphs-and-idn", "at-games", "caddyfile", "maddy-conf");
		assertThat(CORPUS).anyMatch((entry) -> entry.text().contains("\n"))
			.anyMatch((entry) -> entry.text().contains("\r"))
			.anyMatch((entry) -> entry.text().contains("\0"))
			.anyMatch((entry) -> entry.text().contains("\uFFFD"))
			.anyMatch((entry) -> entry.text().length() >= 65536)
			.anyMatch((entry) -> entry.text().contains("$("))
			.anyMatch((entry) -> entry.text().contains("`"))
			.anyMatch((entry) -> entry.text().contains("../"));
		assertThat(CORPUS.stream().map((entry) -> HexFormat.of().formatHex(entry.bytes())).distinct().count())
			.as("no entry twice")
			.isEqualTo(CORPUS.size());
	}

	@Test
	void mailDomainAndAliasForms() throws Exception {
		refusedInField("/domains/new name", "name", (entry) -> form("/domains/new", "name", entry, "mtaSts", "true"),
				NONE);
		refused("/domains/{domain}/delete confirm", (entry) -> form("/domains/xoyize.xyz/delete", "confirm", entry),
				(result) -> Boolean.TRUE.equals(model(result).get("confirmError")), NONE);
		refusedInField("/aliases/new alias", "alias",
				(entry) -> form("/aliases/new", "alias", entry, "targets", "yann@xoyize.xyz"), NONE);
		refusedInField("/aliases/new targets", "targets",
				(entry) -> form("/aliases/new", "targets", entry, "alias", "fresh@xoyize.xyz"),
				ACCEPTED_TARGETS::contains);
		refusedInField("/aliases/{alias}/edit targets", "targets",
				(entry) -> form("/aliases/postmaster@xoyize.xyz/edit", "targets", entry), ACCEPTED_TARGETS::contains);
		inUrl("/domains/{domain}/delete", (path) -> postTo("/domains/" + path + "/delete"));
		inUrl("/aliases/{alias}/edit", (path) -> postTo("/aliases/" + path + "/edit").param("targets", "a@xoyize.xyz"));
		inUrl("/aliases/{alias}/delete", (path) -> postTo("/aliases/" + path + "/delete"));
		assertNoFailures();
	}

	@Test
	void mailboxForms() throws Exception {
		// The confirmation differs, so a legitimate local part creates no mailbox
		refusedInField(
				"/mailboxes/new localPart", "localPart", (entry) -> form("/mailboxes/new", "localPart", entry, "domain",
						"xoyize.xyz", "password", PASSWORD, "passwordConfirm", "something else"),
				ACCEPTED_LOCAL_PARTS::contains);
		refusedInField("/mailboxes/new domain", "domain", (entry) -> form("/mailboxes/new", "domain", entry,
				"localPart", "carol", "password", PASSWORD, "passwordConfirm", PASSWORD), NONE);
		refusedInField("/mailboxes/{address}/delete confirm", "confirm",
				(entry) -> form("/mailboxes/alice@xoyize.xyz/delete", "confirm", entry, "keepMail", "false"), NONE);
		// The confirmation differs, so an accepted password leads to no command
		passwordRules("/mailboxes/new password", "password", 10, 72, HostileInputTests::bytes,
				(entry) -> form("/mailboxes/new", "password", entry, "localPart", "carol", "domain", "xoyize.xyz",
						"passwordConfirm", "something else"));
		passwordRules("/mailboxes/{address}/password password", "password", 10, 72, HostileInputTests::bytes,
				(entry) -> form("/mailboxes/alice@xoyize.xyz/password", "password", entry, "passwordConfirm",
						"something else"));
		inUrl("/mailboxes/{address}/password",
				(path) -> postTo("/mailboxes/" + path + "/password").param("password", PASSWORD)
					.param("passwordConfirm", PASSWORD));
		inUrl("/mailboxes/{address}/delete",
				(path) -> postTo("/mailboxes/" + path + "/delete").param("confirm", "x").param("keepMail", "false"));
		inUrl("/mailboxes/{address}/repair", (path) -> postTo("/mailboxes/" + path + "/repair"));
		assertNoFailures();
	}

	@Test
	void siteForms() throws Exception {
		// The reference Caddyfile's sites are hand-written: a static site of Postern's
		// own shape is added for the edit form, and taken away afterwards
		Path caddyfile = SERVER.resolve("etc/caddy/Caddyfile");
		byte[] original = Files.readAllBytes(caddyfile);
		Files.writeString(caddyfile,
				"\n" + PROBE_SITE + " {\n\troot * " + SERVER.resolve("var/caddy/www/probe") + "\n\tfile_server\n}\n",
				StandardOpenOption.APPEND);
		try {
			siteFormsOf("/sites/new", "fresh.example.org");
			siteFormsOf("/sites/" + PROBE_SITE + "/edit", PROBE_SITE);
		}
		finally {
			Files.write(caddyfile, original);
		}
		refusedInField("/sites/new kind", "kind",
				(entry) -> form("/sites/new", "kind", entry, "addresses", "fresh.example.org", "root", "fresh"), NONE);
		refusedInField("/sites/new upstreams", "upstreams",
				(entry) -> form("/sites/new", "upstreams", entry, "kind", "proxy", "addresses", "fresh.example.org"),
				NONE);
		refusedInField("/sites/new redirectTo", "redirectTo", (entry) -> form("/sites/new", "redirectTo", entry, "kind",
				"redirect", "addresses", "fresh.example.org"), NONE);
		refusedInField("/sites/new mx", "mx", (entry) -> form("/sites/new", "mx", entry, "kind", "mta-sts", "addresses",
				"mta-sts.fresh.example.org", "mode", "testing", "maxAge", "604800"), NONE);
		refusedInField("/sites/new mode", "mode", (entry) -> form("/sites/new", "mode", entry, "kind", "mta-sts",
				"addresses", "mta-sts.fresh.example.org", "mx", "mx1.xoyize.xyz", "maxAge", "604800"), NONE);
		refusedInField("/sites/new maxAge", "maxAge", (entry) -> form("/sites/new", "maxAge", entry, "kind", "mta-sts",
				"addresses", "mta-sts.fresh.example.org", "mx", "mx1.xoyize.xyz", "mode", "testing"), NONE);
		refusedInField("/sites/{id}/raw text", "text", (entry) -> form("/sites/xoyize.xyz/raw", "text", entry),
				ACCEPTED_RAW_BLOCKS::contains);
		inUrl("/sites/{id}/edit",
				(path) -> postTo("/sites/" + path + "/edit").param("kind", "static")
					.param("addresses", "fresh.example.org")
					.param("root", "fresh"));
		inUrl("/sites/{id}/raw", (path) -> postTo("/sites/" + path + "/raw").param("text", "fresh.example.org {\n}"));
		inUrl("/sites/{id}/delete", (path) -> postTo("/sites/" + path + "/delete"));
		assertNoFailures();
	}

	@Test
	void servicesHealthBackupsAndChanges() throws Exception {
		refused("/services/fail2ban/{jail}/unban ip",
				(entry) -> form("/services/fail2ban/maddy-auth/unban", "ip", entry),
				(result) -> flashKey(result, "fail2ban.flash.invalid"), NONE);
		inUrl("/services/fail2ban/{jail}/unban",
				(path) -> postTo("/services/fail2ban/" + path + "/unban").param("ip", "203.0.113.7"),
				(result) -> flashKey(result, "fail2ban.flash.invalid"));
		inUrl("/services/{unit}/reload", (path) -> postTo("/services/" + path + "/reload"));
		inUrl("/services/{unit}/restart", (path) -> postTo("/services/" + path + "/restart"));
		inUrl("/services/{unit}/logs", (path) -> get(URI.create("/services/" + path + "/logs")));
		refused("/services/{unit}/logs lines",
				(entry) -> get(URI.create("/services/caddy/logs?lines=" + entry.percentEncoded())),
				(result) -> result.getResponse().getStatus() == 400, NONE);
		logFilterIsSearchedInPostern();
		refusedInField("/health/mute check", "check", (entry) -> mute("check", entry), NONE);
		refusedInField("/health/mute until", "until", (entry) -> mute("until", entry), NONE);
		refused("/health/mute domain", (entry) -> mute("domain", entry),
				(result) -> result.getResponse().getStatus() == 404, NONE);
		freeText("/health/mute reason", "reason", 1000, (entry) -> mute("reason", entry));
		inUrl("/health/{domain}/run", (path) -> postTo("/health/" + path + "/run"));
		inUrl("/backups/{id}/restore", (path) -> postTo("/backups/" + path + "/restore"));
		inUrl("/changes/{id}/apply", (path) -> postTo("/changes/" + path + "/apply"));
		inUrl("/changes/{id}/discard", (path) -> postTo("/changes/" + path + "/discard"));
		assertNoFailures();
	}

	@Test
	void hostAdminAndTokenForms() throws Exception {
		// The key file never exists, so no probe of another field connects anywhere; the
		// key file's own probe connects, if at all, to a closed port on loopback.
		String[] host = { "name", "probe", "address", "127.0.0.1", "port", "1", "user", "postern", "keyFile",
				"/nonexistent/postern-probe-key", "sudoPrefix", "" };
		refusedInField("/hosts/new name", "name", (entry) -> hostForm(entry, "name", host), ACCEPTED_HOST_NAMES);
		refusedInField("/hosts/new address", "address", (entry) -> hostForm(entry, "address", host),
				ACCEPTED_HOST_ADDRESSES);
		refusedInField("/hosts/new port", "port", (entry) -> hostForm(entry, "port", host), ACCEPTED_PORTS);
		refusedInField("/hosts/new user", "user", (entry) -> hostForm(entry, "user", host), ACCEPTED_LOGINS);
		refusedInField("/hosts/new keyFile", "keyFile", (entry) -> hostForm(entry, "keyFile", host),
				HostileInputTests::readableFile);
		refusedInField("/hosts/new sudoPrefix", "sudoPrefix", (entry) -> hostForm(entry, "sudoPrefix", host),
				ACCEPTED_PREFIXES);
		for (String field : List.of("maddyBinary", "maddyConfig", "maddyAliases", "maddyStateDir", "maddyCertDir",
				"caddyBinary", "caddyfile", "caddyWebRoot", "caddyDataDir", "backupsDir")) {
			refusedInField("/hosts/new " + field, field, (entry) -> hostForm(entry, field, host), ACCEPTED_HOST_PATHS);
		}
		refusedInField("/hosts/new maddyPrefix", "maddyPrefix", (entry) -> hostForm(entry, "maddyPrefix", host),
				ACCEPTED_PREFIXES.or(Pattern.compile(" *none *").asMatchPredicate()));
		refusedInField("/hosts/new caddyUnit", "caddyUnit", (entry) -> hostForm(entry, "caddyUnit", host),
				ACCEPTED_UNITS);
		refusedInField("/hosts/new maddyUnit", "maddyUnit", (entry) -> hostForm(entry, "maddyUnit", host),
				ACCEPTED_UNITS);
		refusedInField("/hosts/new caddyReload", "caddyReload", (entry) -> hostForm(entry, "caddyReload", host),
				Pattern.compile(" *(systemctl|caddy-cli)? *").asMatchPredicate());
		inUrl("/hosts/{id}/test", (path) -> postTo("/hosts/" + path + "/test"));
		inUrl("/hosts/{id}/delete", (path) -> postTo("/hosts/" + path + "/delete"));
		// The two passwords differ, so an accepted name never creates an admin
		refusedInField("/admins/new username", "username", (entry) -> form("/admins/new", "username", entry, "password",
				PASSWORD + " and more", "passwordConfirm", PASSWORD), ACCEPTED_ADMIN_NAMES);
		refusedInField("/account/tokens name", "name",
				(entry) -> form("/account/tokens", "name", entry, "scope", "nonsense"), ACCEPTED_TOKEN_NAMES);
		assertThat(this.failures).isEmpty();
	}

	private static MockHttpServletRequestBuilder hostForm(Entry entry, String field, String... values) {
		Map<String, String> others = new LinkedHashMap<>();
		for (int i = 0; i < values.length; i += 2) {
			others.put(values[i], values[i + 1]);
		}
		others.remove(field);
		return formOf("/hosts/new", field, entry, others);
	}

	/** A host's display name: letters, digits and {@code . _ -}, at most 64. */
	static final Predicate<String> ACCEPTED_HOST_NAMES = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
		.asMatchPredicate();

	/**
	 * An SSH address is a host name of plain labels or an IP address: it is only ever
	 * given to the SSH client as a name to connect to, and the host key is then pinned.
	 */
	static final Predicate<String> ACCEPTED_HOST_ADDRESSES = Pattern.compile(
			"(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
					+ "|[0-9A-Fa-f]{0,4}(:[0-9A-Fa-f]{0,4}){2,7}")
		.asMatchPredicate();

	static final Predicate<String> ACCEPTED_PORTS = (text) -> text.matches("[0-9]{1,5}") && Integer.parseInt(text) >= 1
			&& Integer.parseInt(text) <= 65535;

	/** Login names as Debian's adduser accepts them by default. */
	static final Predicate<String> ACCEPTED_LOGINS = Pattern.compile("[a-z_][a-z0-9_-]{0,31}").asMatchPredicate();

	/** sudo or doas, then only the options -n, -E, -H and -u with a user name. */
	static final Predicate<String> ACCEPTED_PREFIXES = Pattern
		.compile(" *((/usr/local/bin/|/usr/bin/|/bin/)?(sudo|doas))( +-[nEH]| +-u +[a-z_][a-z0-9_-]{0,31})* *")
		.asMatchPredicate()
		.or(String::isBlank)
		.and((text) -> text.length() <= 500);

	/**
	 * A path a host may have of its own: absolute, of plain file-name segments (none
	 * {@code .} or {@code ..}), no trailing slash, at most 1024 characters; spaces around
	 * it and a value of spaces only (no override) are fine.
	 */
	static final Predicate<String> ACCEPTED_HOST_PATHS = Pattern
		.compile(" *((/(?!\\.{1,2}(/| |$))[A-Za-z0-9._@+-]+)+)? *")
		.asMatchPredicate()
		.and((text) -> text.strip().length() <= 1024);

	/** A service unit as systemd names it, or nothing (no override). */
	static final Predicate<String> ACCEPTED_UNITS = Pattern
		.compile(" *([A-Za-z0-9][A-Za-z0-9_.-]{0,63}(@[A-Za-z0-9_.-]{1,64})?\\.service)? *")
		.asMatchPredicate();

	static final Predicate<String> ACCEPTED_ADMIN_NAMES = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}")
		.asMatchPredicate();

	static final Predicate<String> ACCEPTED_TOKEN_NAMES = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]*")
		.asMatchPredicate()
		.and((text) -> text.length() <= 64);

	/** An absolute path to a readable file is a key file the admin may name. */
	private static boolean readableFile(String text) {
		try {
			Path path = Path.of(text);
			return path.isAbsolute() && Files.isRegularFile(path) && Files.isReadable(path);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/** Plain local parts: letters, digits, dots and hyphens in the allowed places. */
	static final Set<String> ACCEPTED_LOCAL_PARTS = Set.of("import", "xn--pple-43d.com", "xn--80ak6aa92e.com",
			"xn--.org", "xn--zz.org", "www.xn--e1awd7f.com");

	/** Targets are a comma-separated list: two valid addresses are one. */
	static final Set<String> ACCEPTED_TARGETS = Set.of("alice@example.org,evil@evil.org");

	private void siteFormsOf(String action, String addresses) throws Exception {
		refusedInField(action + " addresses", "addresses",
				(entry) -> form(action, "addresses", entry, "kind", "static", "root", "fresh"), NONE);
		refusedInField(action + " root", "root",
				(entry) -> form(action, "root", entry, "kind", "static", "addresses", addresses), ACCEPTED_FOLDERS);
		// Without a password an accepted user name stops at the password field
		refusedInField(action + " authUser", "authUser",
				(entry) -> form(action, "authUser", entry, "kind", "static", "addresses", addresses, "root", "fresh"),
				ACCEPTED_USERS);
		// A max-age that is not a number stops the form, so an accepted password is
		// never hashed and previewed; the form checks the line rule and at most 72
		// characters, the bytes are counted after it
		passwordRules(action + " authPassword", "authPassword", 0, 72, String::length,
				(entry) -> form(action, "authPassword", entry, "kind", "static", "addresses", addresses, "root",
						"fresh", "authUser", "bob", "maxAge", "x"));
	}

	/**
	 * Folders a static site may legitimately use: relative, of plain file-name
	 * characters, no {@code .} or {@code ..}, each name at most 255 bytes; they stay
	 * inside the web root. Their preview validates the Caddyfile, nothing more.
	 */
	static final Predicate<String> ACCEPTED_FOLDERS = Pattern
		.compile("(?!(.*/)?\\.{1,2}(/|$))[A-Za-z0-9._@+-]{1,255}(/[A-Za-z0-9._@+-]{1,255})*/?")
		.asMatchPredicate();

	/**
	 * Basic-auth user names: letters, digits and {@code . _ @ -}, starting with a letter
	 * or a digit, at most 64.
	 */
	static final Predicate<String> ACCEPTED_USERS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}")
		.asMatchPredicate();

	static final Predicate<String> NONE = (text) -> false;

	/**
	 * Raw texts that are one valid site block: raw edit is meant to take any block Caddy
	 * accepts; the change is only previewed.
	 */
	static final Set<String> ACCEPTED_RAW_BLOCKS = Set.of("www.example.org {\n\troot * /\n}",
			"http:// {\n\troot * /\n\tfile_server browse\n}", ":80 {\n\trespond \"x\"\n}", "route {\n\trespond 200\n}");

	private MockHttpServletRequestBuilder mute(String field, Entry entry) {
		Map<String, String> values = new LinkedHashMap<>(
				Map.of("domain", "xoyize.xyz", "check", "mx", "until", "2999-01-01", "reason", "hosted elsewhere"));
		values.remove(field);
		return formOf("/health/mute", field, entry, values);
	}

	/**
	 * The journal filter is a search text, applied by Postern to the lines read: every
	 * entry is a legitimate search, and none may reach the command or break the page.
	 */
	private void logFilterIsSearchedInPostern() throws Exception {
		for (Entry entry : CORPUS) {
			this.host.clear();
			MvcResult result = perform(get("/services/caddy/logs").param("q", entry.text()));
			int status = result.getResponse().getStatus();
			if (status != 200) {
				fail("/services/{unit}/logs q", entry, "status " + status);
			}
			for (Command command : this.host.commands()) {
				List<String> argv = command.argv();
				if (command.kind() != CommandKind.JOURNALCTL_TAIL
						|| !argv.subList(argv.indexOf("journalctl"), argv.size()).equals(JOURNALCTL)) {
					fail("/services/{unit}/logs q", entry, "ran " + command.displayArgv());
				}
			}
			assertNoFileOperation("/services/{unit}/logs q", entry);
		}
	}

	/**
	 * A free-text field takes one line of printable text up to a length; the rest of the
	 * corpus is text like any other, kept in Postern's database and shown escaped.
	 */
	private void freeText(String name, String field, int max, Function<Entry, MockHttpServletRequestBuilder> request)
			throws Exception {
		int refused = 0;
		int accepted = 0;
		for (Entry entry : CORPUS) {
			this.host.clear();
			MvcResult result = perform(request.apply(entry));
			if (result.getResponse().getStatus() >= 500) {
				fail(name, entry, "status " + result.getResponse().getStatus());
				continue;
			}
			boolean mustRefuse = entry.text().length() > max
					|| entry.text().codePoints().anyMatch(HostileInputTests::notPrintable);
			boolean wasRefused = hasFieldError(result, field);
			if (mustRefuse != wasRefused) {
				fail(name, entry, mustRefuse ? "accepted" : "refused");
			}
			refused += wasRefused ? 1 : 0;
			accepted += wasRefused ? 0 : 1;
			assertNothingRan(name, entry, Set.of());
		}
		assertThat(refused).as(name + " refused").isPositive();
		assertThat(accepted).as(name + " accepted").isPositive();
	}

	private static int bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

	private static boolean notPrintable(int codePoint) {
		int type = Character.getType(codePoint);
		return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
				|| type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED || type == Character.SURROGATE
				|| type == Character.PRIVATE_USE || codePoint == 0xFFFD;
	}

	/**
	 * A password field: a line break or NUL, or a length out of range, is refused; any
	 * other entry of printable characters is accepted.
	 */
	private void passwordRules(String name, String field, int min, int max, Function<String, Integer> length,
			Function<Entry, MockHttpServletRequestBuilder> request) throws Exception {
		int refused = 0;
		int accepted = 0;
		for (Entry entry : CORPUS) {
			this.host.clear();
			String text = entry.text();
			int size = length.apply(text);
			boolean mustRefuse = text.contains("\n") || text.contains("\r") || text.contains("\0") || size < min
					|| size > max;
			boolean mustAccept = !mustRefuse && text.codePoints().noneMatch(HostileInputTests::notPrintable)
					&& !text.toLowerCase(java.util.Locale.ROOT).contains("alice")
					&& !text.toLowerCase(java.util.Locale.ROOT).contains("carol");
			MvcResult result = perform(request.apply(entry));
			if (result.getResponse().getStatus() != 200) {
				fail(name, entry, "status " + result.getResponse().getStatus());
				continue;
			}
			boolean wasRefused = hasFieldError(result, field);
			if ((mustRefuse && !wasRefused) || (mustAccept && wasRefused)) {
				fail(name, entry, wasRefused ? "refused" : "accepted");
			}
			refused += (mustRefuse && wasRefused) ? 1 : 0;
			accepted += (mustAccept && !wasRefused) ? 1 : 0;
			assertNothingRan(name, entry, Set.of());
		}
		assertThat(refused).as(name + " refused").isPositive();
		assertThat(accepted).as(name + " accepted").isPositive();
	}

	private void refusedInField(String name, String field, Function<Entry, MockHttpServletRequestBuilder> request,
			Predicate<String> legitimate) throws Exception {
		refused(name, request, (result) -> result.getResponse().getStatus() == 200 && hasFieldError(result, field),
				legitimate);
	}

	private void refused(String name, Function<Entry, MockHttpServletRequestBuilder> request,
			Predicate<MvcResult> wasRefused, Predicate<String> legitimate) throws Exception {
		for (Entry entry : CORPUS) {
			this.host.clear();
			MvcResult result = perform(request.apply(entry));
			int status = result.getResponse().getStatus();
			if (status >= 500) {
				fail(name, entry, "status " + status);
				continue;
			}
			boolean refused = wasRefused.test(result);
			if (legitimate.test(entry.text())) {
				if (refused) {
					fail(name, entry, "listed as legitimate but refused");
				}
				assertNoManagedWrite(name, entry);
				continue;
			}
			if (!refused) {
				fail(name, entry, "not refused: status " + status + " " + result.getResponse().getRedirectedUrl() + " "
						+ errors(result));
			}
			assertNothingRan(name, entry, name.endsWith(" text") ? CADDYFILE_CHECKS : Set.of());
		}
	}

	/**
	 * Every entry as a value in the URL (percent-encoded as a browser would): a 400 or a
	 * 404, and nothing run or written.
	 */
	private void inUrl(String name, Function<String, MockHttpServletRequestBuilder> request) throws Exception {
		inUrl(name, request, (result) -> false);
	}

	private void inUrl(String name, Function<String, MockHttpServletRequestBuilder> request,
			Predicate<MvcResult> alsoRefused) throws Exception {
		for (Entry entry : CORPUS) {
			this.host.clear();
			MvcResult result = perform(request.apply(entry.percentEncoded()));
			int status = result.getResponse().getStatus();
			if (status != 400 && status != 404 && !alsoRefused.test(result)) {
				fail(name, entry, "status " + status + " " + result.getResponse().getRedirectedUrl());
			}
			assertNothingRan(name, entry, Set.of());
		}
	}

	private MvcResult perform(MockHttpServletRequestBuilder request) throws Exception {
		if (this.requests % 500 == 0) {
			System.out.println("HostileInputTests: " + this.requests + " requests at " + java.time.LocalTime.now());
		}
		this.requests++;
		return this.mvc.perform(request.with(ADMIN).with(csrf())).andReturn();
	}

	private void assertNothingRan(String name, Entry entry, Set<CommandKind> alsoAllowed) {
		for (Command command : this.host.commands()) {
			if (!READ_ONLY.contains(command.kind()) && !alsoAllowed.contains(command.kind())) {
				fail(name, entry, "ran " + command.displayArgv());
			}
		}
		if (alsoAllowed.isEmpty()) {
			assertNoFileOperation(name, entry);
		}
		else {
			assertNoManagedWrite(name, entry);
		}
	}

	private void assertNoFileOperation(String name, Entry entry) {
		for (FileOperation operation : this.host.fileOperations()) {
			fail(name, entry, operation.kind() + " " + operation.path());
		}
	}

	/** A candidate copy for a validator may be written; the file itself never. */
	private void assertNoManagedWrite(String name, Entry entry) {
		for (FileOperation operation : this.host.fileOperations()) {
			if (operation.kind() != FileOperation.Kind.TEMPORARY) {
				fail(name, entry, operation.kind() + " " + operation.path());
			}
		}
		for (Command command : this.host.commands()) {
			if (!READ_ONLY.contains(command.kind()) && !CADDYFILE_CHECKS.contains(command.kind())) {
				fail(name, entry, "ran " + command.displayArgv());
			}
		}
	}

	private void fail(String name, Entry entry, String what) {
		this.failures.add(name + " " + entry + ": " + what);
	}

	private void assertNoFailures() throws java.io.IOException {
		if (!this.failures.isEmpty()) {
			java.nio.file.Files.write(java.nio.file.Path.of("target/hostile-input-failures.txt"), this.failures);
		}
		assertThat(this.failures)
			.as(this.failures.size() + " failures in " + this.requests + " requests:\n"
					+ this.failures.stream().limit(80).collect(Collectors.joining("\n")))
			.isEmpty();
	}

	private static boolean hasFieldError(MvcResult result, String field) {
		if (result.getModelAndView() == null) {
			return false;
		}
		return result.getModelAndView()
			.getModel()
			.values()
			.stream()
			.filter(BindingResult.class::isInstance)
			.map(BindingResult.class::cast)
			.anyMatch((errors) -> errors.hasFieldErrors(field));
	}

	private static List<String> errors(MvcResult result) {
		return model(result).values()
			.stream()
			.filter(BindingResult.class::isInstance)
			.map(BindingResult.class::cast)
			.flatMap((errors) -> errors.getAllErrors().stream())
			.map((error) -> String.valueOf(error.getCode()))
			.toList();
	}

	private static Map<String, Object> model(MvcResult result) {
		return (result.getModelAndView() != null) ? result.getModelAndView().getModel() : Map.of();
	}

	private static boolean flashKey(MvcResult result, String key) {
		Object flash = result.getFlashMap().get(FlashMessage.ATTRIBUTE);
		return flash instanceof FlashMessage message && message.key().equals(key);
	}

	/**
	 * A form post with the entry as the server reads it from a browser's post (invalid
	 * UTF-8 decoded to U+FFFD).
	 */
	private static MockHttpServletRequestBuilder form(String action, String field, Entry entry, String... others) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < others.length; i += 2) {
			values.put(others[i], others[i + 1]);
		}
		return formOf(action, field, entry, values);
	}

	private static MockHttpServletRequestBuilder formOf(String action, String field, Entry entry,
			Map<String, String> others) {
		MockHttpServletRequestBuilder request = post(action).param(field, entry.text());
		others.forEach(request::param);
		return request;
	}

	/** A request to a URL whose entry is already percent-encoded: sent as it is. */
	private static MockHttpServletRequestBuilder postTo(String url) {
		return post(URI.create(url));
	}

}
