package postern.sites;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import postern.PosternProperties;
import postern.change.Change;
import postern.change.ChangeRequest;
import postern.change.ChangeService;
import postern.change.FileEdit;
import postern.change.ValidationResult;
import postern.host.FileReads;
import postern.host.FileSnapshot;
import postern.host.Host;
import postern.host.HostException;
import postern.host.Hosts;
import postern.host.ServerSettings;
import postern.infrastructure.Paging;
import postern.names.DomainNames;
import postern.sites.Caddyfile.Block;
import postern.sites.Caddyfile.BlockKind;

import org.springframework.data.domain.Page;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The sites of the current host's Caddyfile: lists them, and turns a new site, an edit, a
 * raw edit or a delete into a previewed change of the Caddyfile (validated by
 * {@code caddy validate}, applied with a reload of Caddy).
 */
@Service
public class SiteService {

	private static final int BCRYPT_COST = 12;

	private static final int MAX_HOST_LENGTH = 253;

	/** A folder name longer than this is refused by Linux file systems. */
	private static final int MAX_NAME_BYTES = 255;

	/** What is around the host of an address, upstream or URL: scheme, port, path. */
	private static final java.util.regex.Pattern HOST_PART = java.util.regex.Pattern
		.compile("^[a-zA-Z]+://|:[0-9]+(/.*)?$|/.*$");

	private final Hosts hosts;

	private final ChangeService changes;

	private final CaddyVersions versions;

	private final PosternProperties properties;

	private final UpstreamJudge judge;

	private final FileReads reads;

	private final PasswordEncoder passwords = new BCryptPasswordEncoder(BCRYPT_COST);

	SiteService(Hosts hosts, ChangeService changes, CaddyVersions versions, PosternProperties properties,
			UpstreamJudge judge, FileReads reads) {
		this.hosts = hosts;
		this.changes = changes;
		this.versions = versions;
		this.properties = properties;
		this.judge = judge;
		this.reads = reads;
	}

	/**
	 * Every block of the Caddyfile.
	 * @return the blocks in file order
	 * @throws CaddyfileSyntaxException when the Caddyfile cannot be read as blocks
	 */
	public List<SiteEntry> list() {
		return read(this.hosts.current()).file().blocks().stream().map(SiteService::entry).toList();
	}

	/**
	 * One page of the Caddyfile's blocks: only the blocks shown are read as sites.
	 * @param page the page asked for, from 0; one beyond the end gives the last
	 * @param size the blocks a page holds
	 * @return the page, in file order, with the count of every block
	 * @throws CaddyfileSyntaxException when the Caddyfile cannot be read as blocks
	 */
	public Page<SiteEntry> page(int page, int size) {
		return Paging.page(read(this.hosts.current()).file().blocks(), page, size, SiteService::entry);
	}

	/**
	 * A block by its id.
	 * @param id the block's first key
	 * @return the block
	 * @throws SiteNotFoundException when there is none
	 */
	public SiteEntry find(String id) {
		return read(this.hosts.current()).file()
			.block(id)
			.filter((block) -> !id.isEmpty())
			.map(SiteService::entry)
			.orElseThrow(() -> new SiteNotFoundException(id));
	}

	/**
	 * The MTA-STS policy text the Caddyfile serves for a mail domain.
	 * @param domain e.g. {@code example.org}
	 * @return the policy text, or empty when no {@code mta-sts.<domain>} site serves one
	 */
	public Optional<String> servedMtaStsPolicy(String domain) {
		Host host = this.hosts.current();
		return this.reads.read(host, caddyfile(host), ServedPolicies.class, ServedPolicies::of)
			.of(domain.toLowerCase(Locale.ROOT));
	}

	/**
	 * The Caddyfile edit that publishes a mail domain's MTA-STS policy, so that adding a
	 * domain can publish it in the same change: an {@code mta-sts.<domain>} site in
	 * {@code testing} mode naming the MX host, kept for a week.
	 * @param domain the mail domain
	 * @param mxHost the server's MX host
	 * @return the edit, or empty when the Caddyfile already has a site of that name
	 */
	public Optional<FileEdit> mtaStsSiteEdit(String domain, String mxHost) {
		Host host = this.hosts.current();
		Loaded loaded = read(host);
		String address = "mta-sts." + domain;
		if (loaded.file().block(address).isPresent()) {
			return Optional.empty();
		}
		MtaStsPolicy policy = MtaStsPolicy.firstFor(mxHost);
		SiteInput input = new SiteInput(SiteKind.MTA_STS.value(), address, null, false, false, null, null, null, null,
				policy.mode(), String.join(" ", policy.mx()), policy.maxAge(), false);
		Site site = site(input, null, loaded.file(), null);
		Caddyfile candidate = loaded.file().append(SiteBlocks.write(site, style(host, loaded.file())));
		return Optional.of(FileEdit.validated(loaded.snapshot(), candidate.bytes(), CaddyfileValidator.ID));
	}

	/**
	 * Preview a new site.
	 * @param input the form's values
	 * @return the previewed change
	 * @throws SiteFieldException when a value is refused
	 */
	public Change previewNew(SiteInput input) {
		Host host = this.hosts.current();
		Loaded loaded = read(host);
		Site site = site(input, null, loaded.file(), null);
		String text = SiteBlocks.write(site, style(host, loaded.file()));
		Caddyfile candidate = loaded.file().append(text);
		String id = site.addresses().get(0);
		List<FileEdit> edits = new ArrayList<>();
		edits.add(FileEdit.validated(loaded.snapshot(), candidate.bytes(), CaddyfileValidator.ID));
		indexPage(host, site, input.createFolder()).ifPresent(edits::add);
		return preview("sites.change.new", id, "new site " + id, edits, "/sites/new");
	}

	/**
	 * Preview an edit of a site through its form.
	 * @param id the block's first key
	 * @param input the form's values
	 * @return the previewed change
	 * @throws SiteFieldException when a value is refused
	 */
	public Change previewEdit(String id, SiteInput input) {
		Host host = this.hosts.current();
		Loaded loaded = read(host);
		Block block = block(loaded.file(), id);
		Site current = SiteBlocks.read(block);
		if (!current.kind().editable()) {
			throw new SiteFieldException("kind", "sites.error.kind.other");
		}
		Site site = site(input, current, loaded.file(), block);
		Caddyfile candidate;
		try {
			candidate = SiteEdits.apply(loaded.file(), block, current, site, style(host, loaded.file()));
		}
		catch (RuntimeException ex) {
			// Nothing is written: the admin sees where the block did not read as expected
			throw CaddyfileSyntaxException.unexpected(caddyfile(host), block.startLine(), ex);
		}
		List<FileEdit> edits = new ArrayList<>();
		edits.add(FileEdit.validated(loaded.snapshot(), candidate.bytes(), CaddyfileValidator.ID));
		indexPage(host, site, input.createFolder()).ifPresent(edits::add);
		return preview("sites.change.edit", id, "edit site " + id, edits, "/sites/" + SiteIds.encode(id) + "/edit");
	}

	/**
	 * Preview a raw edit of a block.
	 * @param id the block's first key
	 * @param text the block's new text
	 * @param acceptUnjudged whether the admin knows what an upstream Postern cannot judge
	 * before Caddy runs does, and wants it applied
	 * @return the previewed change
	 * @throws SiteFieldException when the text is not one block, not one Postern may
	 * write, one that dials Caddy's admin endpoint, or one Caddy refuses
	 */
	public Change previewRaw(String id, String text, boolean acceptUnjudged) {
		Host host = this.hosts.current();
		Loaded loaded = read(host);
		Block block = editable(block(loaded.file(), id));
		Caddyfile candidate;
		try {
			candidate = loaded.file().replace(block, lineEnds(text.strip(), loaded.file().lineSeparator()));
		}
		catch (CaddyfileSyntaxException ex) {
			throw new SiteFieldException("text", "sites.error.raw.syntax", ex.getMessage());
		}
		Block edited = candidate.blocks().get(loaded.file().blocks().indexOf(block));
		if (edited.kind() == BlockKind.GLOBAL || edited.kind() == BlockKind.IMPORT) {
			throw new SiteFieldException("text", "sites.error.raw.global");
		}
		List<String> unjudged = judgeUpstreams(host, loaded, candidate, acceptUnjudged);
		FileEdit edit = FileEdit.validated(loaded.snapshot(), candidate.bytes(),
				unjudged.isEmpty() ? CaddyfileValidator.ID : UnjudgedUpstreamsValidator.ID);
		// Unlike a form's values, raw text can say anything: Caddy's refusal belongs next
		// to it, not in a preview that cannot be applied
		ValidationResult validation = this.changes.check(edit);
		if (!validation.ok()) {
			throw new SiteFieldException("text", "sites.error.raw.invalid", validation.output());
		}
		String summary = unjudged.isEmpty() ? "raw edit of " + id : "raw edit of " + id
				+ ", its admin knowing what these upstreams Postern cannot judge do: " + String.join(", ", unjudged);
		return preview("sites.change.raw", id, summary, List.of(edit), "/sites/" + SiteIds.encode(id) + "/raw");
	}

	/**
	 * Refuse what the candidate dials as Caddy will dial it, next to the text.
	 * @return the upstreams that cannot be judged and that the file did not have, which
	 * the admin asked to apply
	 */
	private List<String> judgeUpstreams(Host host, Loaded loaded, Caddyfile candidate, boolean acceptUnjudged) {
		Optional<UpstreamJudge.Verdict> verdict = this.judge.judgeChange(host, caddyfile(host),
				loaded.snapshot().content(), candidate.bytes());
		if (verdict.isEmpty()) {
			// Caddy cannot read it: its validation says why
			return List.of();
		}
		if (!verdict.get().refused().isEmpty()) {
			throw new SiteFieldException("text", "sites.error.raw.admin-proxy",
					String.join(", ", verdict.get().refused()));
		}
		List<String> added = List.copyOf(verdict.get().unjudged());
		if (!added.isEmpty() && !acceptUnjudged) {
			throw new SiteFieldException("acceptUnjudged", "sites.error.raw.unjudged", String.join(", ", added));
		}
		return added;
	}

	/**
	 * Preview the removal of a block, with the comments in front of it.
	 * @param id the block's first key
	 * @return the previewed change
	 */
	public Change previewDelete(String id) {
		Host host = this.hosts.current();
		Loaded loaded = read(host);
		Block block = editable(block(loaded.file(), id));
		Caddyfile candidate = loaded.file().remove(block);
		List<FileEdit> edits = List.of(FileEdit.validated(loaded.snapshot(), candidate.bytes(), CaddyfileValidator.ID));
		return preview("sites.change.delete", id, "delete site " + id, edits, "/sites");
	}

	/**
	 * A text from a browser (whose text areas send CRLF) with the file's own line ends.
	 */
	static String lineEnds(String text, String lineSeparator) {
		String unix = text.replace("\r\n", "\n");
		return "\n".equals(lineSeparator) ? unix : unix.replace("\n", lineSeparator);
	}

	private Change preview(String titleKey, String id, String summary, List<FileEdit> edits, String origin) {
		return this.changes
			.preview(ChangeRequest.titled(titleKey, List.of(id), summary, edits, List.of(CaddyReloader.ID))
				.withOrigin(origin));
	}

	/**
	 * The Caddyfile, read and parsed once per request however many parts of a page need
	 * it.
	 */
	private Loaded read(Host host) {
		Path path = caddyfile(host);
		return this.reads.read(host, path, Loaded.class, (snapshot) -> parse(path, snapshot));
	}

	private static Loaded parse(Path path, FileSnapshot snapshot) {
		try {
			return new Loaded(snapshot, Caddyfile.parse(snapshot.content()));
		}
		catch (CaddyfileSyntaxException ex) {
			throw ex.in(path);
		}
		catch (RuntimeException ex) {
			throw CaddyfileSyntaxException.unexpected(path, 1, ex);
		}
	}

	/**
	 * The Caddyfile Postern cannot read as blocks, as text, with what Caddy says of it.
	 * @param problem why Postern cannot read it
	 * @return the file's path and text, and Caddy's verdict
	 */
	public UnreadableCaddyfile unreadable(CaddyfileSyntaxException problem) {
		Host host = this.hosts.current();
		FileSnapshot snapshot = this.reads.read(host, caddyfile(host));
		ValidationResult caddy = this.changes
			.check(FileEdit.validated(snapshot, snapshot.content(), CaddyfileValidator.ID));
		return new UnreadableCaddyfile(caddyfile(host), problem.getLine(), problem.getExpected(),
				new String(snapshot.content(), StandardCharsets.UTF_8), caddy.ok(), caddy.output());
	}

	/**
	 * The Caddyfile of a host, read at each call: each host may have its own.
	 */
	private Path caddyfile(Host host) {
		return ServerSettings.of(this.properties, host).caddy().caddyfile();
	}

	private static Block block(Caddyfile file, String id) {
		if (id.isEmpty()) {
			throw new SiteNotFoundException(id);
		}
		return file.block(id).orElseThrow(() -> new SiteNotFoundException(id));
	}

	private static Block editable(Block block) {
		if (block.kind() == BlockKind.GLOBAL || block.kind() == BlockKind.IMPORT) {
			throw new SiteFieldException("text", "sites.error.raw.global");
		}
		return block;
	}

	private static SiteEntry entry(Block block) {
		return new SiteEntry(block.id(), block, SiteBlocks.read(block));
	}

	private SiteBlocks.Style style(Host host, Caddyfile file) {
		return SiteBlocks.Style.of(file, this.versions.basicAuthDirective(host));
	}

	/**
	 * Check the form's values and make the site. Every value is checked here again, even
	 * though the form checked its shape.
	 */
	private Site site(SiteInput input, Site current, Caddyfile file, Block edited) {
		SiteKind kind = SiteKind.of(input.kind()).orElseThrow(() -> new SiteFieldException("kind", "sites.error.kind"));
		if (current != null && current.kind() != kind) {
			throw new SiteFieldException("kind", "sites.error.kind.changed");
		}
		List<String> addresses = input.addressList();
		if (addresses.isEmpty() || !SiteValues.matches(SiteValues.ADDRESSES, String.join(" ", addresses))) {
			throw new SiteFieldException("addresses", "sites.error.addresses");
		}
		checkHosts("addresses", addresses);
		for (Block block : file.blocks()) {
			if (block != edited) {
				for (String address : addresses) {
					if (block.keys().stream().anyMatch((key) -> key.equalsIgnoreCase(address))) {
						throw new SiteFieldException("addresses", "sites.error.addresses.used", address);
					}
				}
			}
		}
		return switch (kind) {
			case STATIC -> new Site(kind, addresses, root(input.root(), current), input.browse(), input.gzip(),
					List.of(), null, user(input, current), null);
			case PROXY -> {
				List<String> upstreams = SiteInput.words(input.upstreams());
				if (upstreams.isEmpty() || !SiteValues.matches(SiteValues.UPSTREAMS, String.join(" ", upstreams))) {
					throw new SiteFieldException("upstreams", "sites.error.upstreams");
				}
				checkHosts("upstreams", upstreams);
				refuseAdminUpstream("upstreams", upstreams);
				yield new Site(kind, addresses, null, false, input.gzip(), upstreams, null, user(input, current), null);
			}
			case REDIRECT -> {
				boolean kept = current != null && Objects.equals(input.redirectTo(), current.redirectTo());
				if (!kept && !SiteValues.matches(SiteValues.REDIRECT_TO, input.redirectTo())) {
					throw new SiteFieldException("redirectTo", "sites.error.redirectTo");
				}
				if (!kept) {
					checkHosts("redirectTo", List.of(input.redirectTo()));
				}
				String status = (input.redirectStatus() != null) ? input.redirectStatus() : "";
				if (!SiteValues.matches(SiteValues.REDIRECT_STATUS, status)) {
					throw new SiteFieldException("redirectStatus", "sites.error.redirectStatus");
				}
				yield new Site(kind, addresses, null, false, false, List.of(), input.redirectTo(), null, null, status);
			}
			case MTA_STS -> new Site(kind, addresses, null, false, false, List.of(), null, null, policy(input));
			case OTHER -> throw new SiteFieldException("kind", "sites.error.kind");
		};
	}

	private MtaStsPolicy policy(SiteInput input) {
		List<String> addresses = input.addressList();
		if (addresses.size() != 1 || !addresses.get(0).startsWith("mta-sts.")) {
			throw new SiteFieldException("addresses", "sites.error.addresses.mta-sts");
		}
		if (input.mode() == null || !MtaStsPolicy.MODES.contains(input.mode())) {
			throw new SiteFieldException("mode", "sites.error.mode");
		}
		List<String> mx = SiteInput.words(input.mx());
		if (mx.isEmpty() || !SiteValues.matches(SiteValues.MX_HOSTS, String.join(" ", mx))) {
			throw new SiteFieldException("mx", "sites.error.mx");
		}
		checkHosts("mx", mx);
		if (input.maxAge() == null || input.maxAge() < 60 || input.maxAge() > 31_557_600) {
			throw new SiteFieldException("maxAge", "sites.error.maxAge");
		}
		return new MtaStsPolicy(input.mode(), mx.stream().map((host) -> host.toLowerCase(Locale.ROOT)).toList(),
				input.maxAge());
	}

	private Site.User user(SiteInput input, Site current) {
		String name = input.authUser();
		if (name == null || name.isBlank()) {
			return null;
		}
		if (!SiteValues.matches(SiteValues.USER, name)) {
			throw new SiteFieldException("authUser", "sites.error.authUser");
		}
		String password = input.authPassword();
		if (password == null || password.isEmpty()) {
			if (current != null && current.user() != null && current.user().name().equals(name)) {
				return current.user();
			}
			throw new SiteFieldException("authPassword", "sites.error.authPassword.required");
		}
		if (password.chars().anyMatch((c) -> c == '\n' || c == '\r' || c == 0)) {
			// Caddy would hash it whole, but no browser can type it again
			throw new SiteFieldException("authPassword", "sites.error.authPassword.line");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > 72 || password.length() < 8) {
			throw new SiteFieldException("authPassword", "sites.error.authPassword");
		}
		return new Site.User(name, this.passwords.encode(password));
	}

	/**
	 * A site that proxies to Caddy's own admin endpoint would let anyone who reaches the
	 * site rewrite the whole server's configuration.
	 */
	private void refuseAdminUpstream(String field, List<String> upstreams) {
		for (String upstream : upstreams) {
			if (this.judge.isAdminEndpoint(upstream)) {
				throw new SiteFieldException(field, "sites.error.raw.admin-proxy", upstream);
			}
		}
	}

	/**
	 * The shapes let any letters and digits through: a host name must also fit DNS (253
	 * characters) and a punycode label must pass the checks of its Unicode form, so a
	 * look-alike of another name cannot be served under its ASCII spelling.
	 */
	private static void checkHosts(String field, List<String> values) {
		for (String value : values) {
			String host = HOST_PART.matcher(value).replaceAll("").toLowerCase(Locale.ROOT);
			if (host.startsWith("*.")) {
				host = host.substring(2);
			}
			if (host.length() > MAX_HOST_LENGTH) {
				throw new SiteFieldException(field, "sites.error." + field);
			}
			if (host.contains("xn--") && !DomainNames.isValidAscii(host)) {
				throw new SiteFieldException(field, "sites.error.host.look-alike", host);
			}
		}
	}

	/**
	 * The folder of a static site as the form gives it; the file's own spelling (a folder
	 * relative to Caddy's working folder, say) stays when the admin left it as it was.
	 */
	private String root(String value, Site current) {
		if (current != null && value != null && value.equals(current.root())) {
			return current.root();
		}
		return root(value);
	}

	/**
	 * The folder of a static site, inside the web root: no {@code ..}, and no symbolic
	 * link on the way that leads out of it.
	 */
	String root(String value) {
		if (value == null || !SiteValues.matches(SiteValues.ROOT, value)) {
			throw new SiteFieldException("root", "sites.error.root");
		}
		for (String segment : value.split("/")) {
			if (segment.equals("..") || segment.equals(".")
					|| segment.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
				throw new SiteFieldException("root", "sites.error.root");
			}
		}
		Host host = this.hosts.current();
		Path webRoot = ServerSettings.of(this.properties, host).caddy().webRoot().toAbsolutePath().normalize();
		Path root = (value.startsWith("/") ? Path.of(value) : webRoot.resolve(value)).normalize();
		if (!root.startsWith(webRoot) || root.equals(webRoot)) {
			throw new SiteFieldException("root", "sites.error.root.outside", webRoot);
		}
		if (escapesThroughLink(host, webRoot, root)) {
			throw new SiteFieldException("root", "sites.error.root.link", webRoot);
		}
		return root.toString();
	}

	/**
	 * Whether the root, its links followed on the host that serves it, leads out of the
	 * web root. A link that cannot be followed (a loop) counts as leading out.
	 */
	private static boolean escapesThroughLink(Host host, Path webRoot, Path root) {
		try {
			return !host.resolveLinks(root).startsWith(host.resolveLinks(webRoot));
		}
		catch (HostException ex) {
			return true;
		}
	}

	/**
	 * An index page for a static site's missing folder, in the change: the change
	 * pipeline makes the folder when it writes the page, at Apply.
	 */
	private Optional<FileEdit> indexPage(Host host, Site site, boolean createFolder) {
		if (!createFolder || site.kind() != SiteKind.STATIC) {
			return Optional.empty();
		}
		Path root = Path.of(site.root());
		FileSnapshot index = host.read(root.resolve("index.html"));
		if (index.exists()) {
			return Optional.empty();
		}
		String name = site.addresses().get(0);
		String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + name
				+ "</title>\n</head>\n<body>\n<h1>" + name
				+ "</h1>\n<p>This site is served by Caddy.</p>\n</body>\n</html>\n";
		return Optional.of(FileEdit.of(index, html.getBytes(StandardCharsets.UTF_8)));
	}

	private record Loaded(FileSnapshot snapshot, Caddyfile file) {
	}

	/**
	 * The MTA-STS policies a Caddyfile serves, by the host of their site: a domain page
	 * and its health page show each domain's policy on every view, which looked through
	 * every site block each time. Found once per read of the file.
	 */
	private record ServedPolicies(Map<String, String> byHost) {

		static ServedPolicies of(FileSnapshot snapshot) {
			try {
				return new ServedPolicies(MtaStsPolicy.servedByHost(Caddyfile.parse(snapshot.content())));
			}
			catch (CaddyfileSyntaxException ex) {
				// a file Caddy cannot read serves no policy
				return new ServedPolicies(Map.of());
			}
		}

		Optional<String> of(String domain) {
			return Optional.ofNullable(this.byHost.get("mta-sts." + domain));
		}

	}

}
