package postern.mail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
import postern.sites.CaddyReloader;
import postern.sites.SiteService;

import org.springframework.stereotype.Service;
import org.springframework.web.util.UriUtils;

/**
 * The local domains of maddy, read from {@code $(local_domains)} in maddy.conf on the
 * current host; adding or removing one is a change of that file followed by a restart of
 * maddy, which reads the list only when it starts. Adding one may publish its MTA-STS
 * policy site in the same change.
 */
@Service
public class MailDomains {

	private final Hosts hosts;

	private final ChangeService changes;

	private final SiteService sites;

	private final PosternProperties properties;

	private final MaddyEnvironment environment;

	private final FileReads reads;

	private final DerivedViews views = new DerivedViews();

	MailDomains(Hosts hosts, ChangeService changes, SiteService sites, PosternProperties properties,
			MaddyEnvironment environment, FileReads reads) {
		this.hosts = hosts;
		this.changes = changes;
		this.sites = sites;
		this.properties = properties;
		this.environment = environment;
		this.reads = reads;
	}

	/**
	 * The local domains, the primary one first.
	 * @return the domains; empty when maddy.conf is missing
	 * @throws MailFileException when maddy.conf cannot be read
	 */
	public List<MailDomain> list() {
		Read read = read();
		return this.views.of(read, View.LIST, () -> list(read.conf()));
	}

	private static List<MailDomain> list(MaddyConf conf) {
		Optional<String> primary = conf.primaryDomain();
		return conf.localDomains()
			.stream()
			.map((name) -> new MailDomain(name, primary.filter(name::equals).isPresent()))
			.sorted((a, b) -> Boolean.compare(b.primary(), a.primary()))
			.toList();
	}

	/**
	 * What /domains shows beside the list: the local domains set by environment variables
	 * Postern does not know, and the line that lists the local domains (or why none
	 * does).
	 * @return the overview
	 * @throws MailFileException when maddy.conf cannot be read
	 */
	public DomainsOverview overview() {
		Read read = read();
		return this.views.of(read, View.OVERVIEW, () -> {
			MaddyConf conf = read.conf();
			return new DomainsOverview(list(conf), conf.unknownLocalDomains(), conf.domainListLine(),
					conf.hostnameValue().map(MaddyValue::variable).orElse(null));
		});
	}

	/**
	 * Whether maddy receives mail for a domain.
	 * @param domain a stored ASCII name
	 * @return {@code true} when it is a local domain
	 */
	public boolean isLocal(String domain) {
		return read().conf().localDomains().contains(domain);
	}

	/**
	 * One local domain.
	 * @param domain a stored ASCII name
	 * @return the domain, or empty when it is not local
	 */
	public Optional<MailDomain> find(String domain) {
		return list().stream().filter((candidate) -> candidate.name().equals(domain)).findFirst();
	}

	/**
	 * The mail server's host name, which the MX records name.
	 * @return {@code $(hostname)}, or empty when maddy.conf does not define it
	 */
	public Optional<String> mxHost() {
		return read().conf().hostname();
	}

	/**
	 * The environment variable that sets the MX host when Postern does not know it.
	 * @return the variable, or empty when the host name is known or not defined
	 */
	public Optional<String> unknownMxHostVariable() {
		return read().conf().hostnameValue().map(MaddyValue::variable);
	}

	/**
	 * The steps of {@code local_rewrites}, with the catch-all warnings.
	 * @return the steps
	 */
	public List<RewriteStep> rewriteSteps() {
		// a domain page shows them on every view, and each parse of the rules costs more
		// than the rest of the file's questions together
		Read read = read();
		return this.views.of(read, View.REWRITES, () -> read.conf().rewriteSteps());
	}

	/**
	 * Preview adding a local domain.
	 * @param domain a valid stored ASCII name
	 * @param publishMtaSts whether the same change adds the domain's
	 * {@code mta-sts.<domain>} site to the Caddyfile (unless it has one)
	 * @return the previewed change: maddy.conf edited, checked by maddy, then a restart
	 * of maddy; with the policy site, the Caddyfile edited, checked by Caddy, then a
	 * reload of Caddy
	 * @throws MailFileException when it is already local or maddy.conf has no
	 * {@code $(local_domains)}
	 */
	public Change previewAdd(String domain, boolean publishMtaSts) {
		Read current = read();
		MaddyConf edited = current.conf().withLocalDomain(domain);
		List<FileEdit> edits = new ArrayList<>();
		edits.add(maddyConfEdit(current, edited));
		List<String> reloaders = new ArrayList<>(List.of(MaddyRestart.ID));
		Optional<String> mx = edited.hostname();
		Optional<String> unknownMx = edited.hostnameValue().map(MaddyValue::variable);
		if (publishMtaSts && unknownMx.isPresent()) {
			// the policy names the MX host: never publish a placeholder in its place
			throw new MailFileException("maddy-conf.env.mx-unknown", unknownMx.get());
		}
		if (publishMtaSts && mx.isPresent()) {
			this.sites.mtaStsSiteEdit(domain, mx.get()).ifPresent((site) -> {
				edits.add(site);
				reloaders.add(CaddyReloader.ID);
			});
		}
		return this.changes.preview(ChangeRequest
			.titled("mail.change.domain-add", List.of(domain), "new mail domain " + domain, edits, reloaders)
			.withOrigin("/domains/new"));
	}

	/**
	 * Preview removing a local domain. Its mailboxes and aliases are left as they are.
	 * @param domain a local domain other than the primary one
	 * @return the previewed change
	 * @throws MailFileException when it cannot be removed from the file
	 */
	public Change previewRemove(String domain) {
		Read current = read();
		MaddyConf edited = current.conf().withoutLocalDomain(domain);
		return this.changes.preview(ChangeRequest
			.titled("mail.change.domain-remove", List.of(domain), "remove mail domain " + domain,
					List.of(maddyConfEdit(current, edited)), List.of(MaddyRestart.ID))
			.withOrigin("/domains/" + UriUtils.encodePathSegment(domain, StandardCharsets.UTF_8) + "/delete"));
	}

	private static FileEdit maddyConfEdit(Read current, MaddyConf edited) {
		return FileEdit.validated(current.snapshot(), edited.text().getBytes(StandardCharsets.UTF_8),
				MaddyConfValidator.ID);
	}

	/**
	 * maddy.conf, read and parsed once while it does not change: a domain page asks it
	 * for the domain, the rewrite rules, the MX host and the DNS records. A file with
	 * placeholders is parsed again when maddy's environment changed since.
	 */
	private Read read() {
		Host host = this.hosts.current();
		ServerSettings settings = ServerSettings.of(this.properties, host);
		Read read = this.reads.read(host, settings.maddy().config(), Read.class, (snapshot) -> {
			String text = snapshot.exists() ? new String(snapshot.content(), StandardCharsets.UTF_8) : "";
			Map<String, String> variables = this.environment.of(host, settings, text);
			return new Read(snapshot, MaddyConf.parse(text, variables), variables);
		});
		Map<String, String> variables = this.environment.of(host, settings, read.conf().text());
		return variables.equals(read.variables()) ? read
				: new Read(read.snapshot(), MaddyConf.parse(read.conf().text(), variables), variables);
	}

	private record Read(FileSnapshot snapshot, MaddyConf conf, Map<String, String> variables) {
	}

	/** What pages derive from one parse of the file. */
	private enum View {

		LIST, OVERVIEW, REWRITES

	}

}
