package postern.mail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import postern.PosternProperties;
import postern.change.Change;
import postern.change.ChangeRequest;
import postern.change.ChangeService;
import postern.change.FileEdit;
import postern.host.FileReads;
import postern.host.FileSnapshot;
import postern.host.Host;
import postern.host.Hosts;
import postern.host.ServerSettings;
import postern.names.MailAddresses;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriUtils;

/**
 * maddy's aliases, from the aliases file of the current host. Edits from the panel are
 * previewed as changes; maddy re-reads the file by itself, so no reload follows.
 */
@Service
public class Aliases {

	private final Hosts hosts;

	private final ChangeService changes;

	private final MailDomains domains;

	private final PosternProperties properties;

	private final FileReads reads;

	private final DerivedViews views = new DerivedViews();

	Aliases(Hosts hosts, ChangeService changes, MailDomains domains, PosternProperties properties, FileReads reads) {
		this.hosts = hosts;
		this.changes = changes;
		this.domains = domains;
		this.properties = properties;
		this.reads = reads;
	}

	/**
	 * Every alias, as maddy reads the file.
	 * @return the aliases in file order
	 */
	public List<Alias> list() {
		return read().file().aliases();
	}

	/**
	 * One page of aliases, sorted by domain then address, filtered by a text found in the
	 * alias or one of its targets.
	 * @param query the text to look for, or {@code null}
	 * @param pageable the page
	 * @return the page
	 */
	public Page<Alias> search(String query, Pageable pageable) {
		String needle = (query != null) ? query.strip().toLowerCase(Locale.ROOT) : "";
		Read read = read();
		List<Alias> matching = this.views.of(read, new Search(needle), () -> sorted(read).stream()
			.filter((alias) -> needle.isEmpty() || alias.address().contains(needle)
					|| alias.targets().stream().anyMatch((target) -> target.toLowerCase(Locale.ROOT).contains(needle)))
			.toList());
		int from = (int) Math.min(pageable.getOffset(), matching.size());
		int to = Math.min(from + pageable.getPageSize(), matching.size());
		return new PageImpl<>(matching.subList(from, to), pageable, matching.size());
	}

	/** Every alias sorted by domain then address, once per read of the file. */
	private List<Alias> sorted(Read read) {
		// each alias's domain is cut out once, not at each of the sort's comparisons
		return this.views.of(read, View.SORTED,
				() -> read.file()
					.aliases()
					.stream()
					.map((alias) -> new InDomain(alias.domain(), alias))
					.sorted(Comparator.comparing(InDomain::domain).thenComparing((shown) -> shown.alias().address()))
					.map(InDomain::alias)
					.toList());
	}

	/**
	 * The aliases of one domain, in file order: those whose address has the domain after
	 * its {@code @}.
	 * @param domain a lower-case domain
	 * @return its aliases
	 */
	public List<Alias> inDomain(String domain) {
		Read read = read();
		Map<String, List<Alias>> byDomain = this.views.of(read, View.BY_DOMAIN,
				() -> read.file()
					.aliases()
					.stream()
					.filter((alias) -> alias.address().indexOf('@') >= 0)
					.collect(Collectors.groupingBy(Alias::domain, Collectors.toUnmodifiableList())));
		return byDomain.getOrDefault(domain, List.of());
	}

	/**
	 * How many aliases each domain has, the domain being what follows the address's
	 * {@code @}.
	 * @return each domain with aliases and their count
	 */
	public Map<String, Long> countsByDomain() {
		Read read = read();
		return this.views.of(read, View.COUNTS, () -> Map.copyOf(
				read.file().aliases().stream().collect(Collectors.groupingBy(Alias::domain, Collectors.counting()))));
	}

	/**
	 * One alias.
	 * @param address its key
	 * @return the alias, or empty
	 */
	public Optional<Alias> find(String address) {
		return read().file().find(address);
	}

	/**
	 * How many aliases a domain has.
	 * @param domain a domain
	 * @return the count
	 */
	public long countIn(String domain) {
		return countsByDomain().getOrDefault(domain, 0L);
	}

	/**
	 * The lines of the file maddy would refuse or misread.
	 * @return the problems
	 */
	public List<AliasesFile.Problem> problems() {
		Read read = read();
		return this.views.of(read, View.PROBLEMS, () -> read.file().problems());
	}

	/**
	 * Preview a new alias.
	 * @param address a valid stored address of a local domain
	 * @param targets valid stored addresses
	 * @return the previewed change
	 * @throws MailFileException when the domain is not local or the alias exists
	 */
	public Change previewAdd(String address, List<String> targets) {
		requireLocal(address);
		return preview("mail.change.alias-add", address, "new alias " + address,
				(file) -> file.withAlias(address, targets), "/aliases/new");
	}

	/**
	 * Preview several new aliases in one change of the file, in the order given (an
	 * import).
	 * @param aliases each new alias and its targets, valid stored addresses of local
	 * domains
	 * @param titleKey the change's title, with the count as its argument
	 * @param origin the page that made the change
	 * @return the previewed change
	 * @throws MailFileException when a domain is not local or an alias exists
	 */
	public Change previewAddAll(Map<String, List<String>> aliases, String titleKey, String origin) {
		aliases.keySet().forEach(this::requireLocal);
		Read current = read();
		AliasesFile edited = current.file().withAliases(aliases);
		FileEdit fileEdit = FileEdit.validated(current.snapshot(), edited.text().getBytes(StandardCharsets.UTF_8),
				AliasesValidator.ID);
		return this.changes.preview(
				ChangeRequest
					.titled(titleKey, List.of(String.valueOf(aliases.size())), aliases.size() + " new aliases",
							List.of(fileEdit), List.of())
					.withOrigin(origin));
	}

	/**
	 * Preview new targets for an alias.
	 * @param address an existing alias
	 * @param targets valid stored addresses
	 * @return the previewed change
	 * @throws MailFileException when there is no such alias
	 */
	public Change previewEdit(String address, List<String> targets) {
		return preview("mail.change.alias-edit", address, "edit alias " + address,
				(file) -> file.withTargets(address, targets), "/aliases/" + segment(address) + "/edit");
	}

	/**
	 * Preview removing an alias.
	 * @param address an existing alias
	 * @return the previewed change
	 * @throws MailFileException when there is no such alias
	 */
	public Change previewRemove(String address) {
		return preview("mail.change.alias-remove", address, "remove alias " + address,
				(file) -> file.withoutAlias(address), "/aliases/" + segment(address) + "/delete");
	}

	private void requireLocal(String address) {
		String domain = MailAddresses.domain(address);
		if (!this.domains.isLocal(domain)) {
			throw new MailFileException("aliases.domain-not-local", domain);
		}
	}

	private Change preview(String titleKey, String address, String summary, UnaryOperator<AliasesFile> edit,
			String origin) {
		Read current = read();
		byte[] candidate = edit.apply(current.file()).text().getBytes(StandardCharsets.UTF_8);
		FileEdit fileEdit = FileEdit.validated(current.snapshot(), candidate, AliasesValidator.ID);
		return this.changes
			.preview(ChangeRequest.titled(titleKey, List.of(address), summary, List.of(fileEdit), List.of())
				.withOrigin(origin));
	}

	/** The aliases file, read and parsed once per request. */
	private Read read() {
		Host host = this.hosts.current();
		return this.reads.read(host, file(host), Read.class, (snapshot) -> {
			String text = snapshot.exists() ? new String(snapshot.content(), StandardCharsets.UTF_8) : "";
			return new Read(snapshot, AliasesFile.parse(text));
		});
	}

	/**
	 * The aliases file of a host, read at each call: each host may have its own.
	 */
	private Path file(Host host) {
		return ServerSettings.of(this.properties, host).maddy().aliases();
	}

	private record Read(FileSnapshot snapshot, AliasesFile file) {
	}

	private record InDomain(String domain, Alias alias) {
	}

	/** The views of the whole file. */
	private enum View {

		SORTED, BY_DOMAIN, COUNTS, PROBLEMS

	}

	/** The aliases a search finds, sorted. */
	private record Search(String needle) {
	}

	/**
	 * A name as one path segment of a link: a {@code /} maddy accepts in it must not
	 * split the link.
	 */
	private static String segment(String name) {
		return UriUtils.encodePathSegment(name, StandardCharsets.UTF_8);
	}

}
