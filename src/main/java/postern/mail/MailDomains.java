package postern.mail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import postern.PosternProperties;
import postern.change.Change;
import postern.change.ChangeRequest;
import postern.change.ChangeService;
import postern.change.FileEdit;
import postern.host.FileSnapshot;
import postern.host.Hosts;

import org.springframework.stereotype.Service;

/**
 * The local domains of maddy, read from {@code $(local_domains)} in maddy.conf on the
 * current host; adding or removing one is a change of that file followed by a restart of
 * maddy, which reads the list only when it starts.
 */
@Service
public class MailDomains {

	/** The validator that has maddy parse a candidate maddy.conf. */
	static final String MADDY_CONF_VALIDATOR = "maddy-conf";

	private final Hosts hosts;

	private final ChangeService changes;

	private final Path config;

	MailDomains(Hosts hosts, ChangeService changes, PosternProperties properties) {
		this.hosts = hosts;
		this.changes = changes;
		this.config = properties.maddy().config();
	}

	/**
	 * The local domains, the primary one first.
	 * @return the domains; empty when maddy.conf is missing
	 * @throws MailFileException when maddy.conf cannot be read
	 */
	public List<MailDomain> list() {
		MaddyConf conf = read().conf();
		Optional<String> primary = conf.primaryDomain();
		return conf.localDomains()
			.stream()
			.map((name) -> new MailDomain(name, primary.filter(name::equals).isPresent()))
			.sorted((a, b) -> Boolean.compare(b.primary(), a.primary()))
			.toList();
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
	 * The steps of {@code local_rewrites}, with the catch-all warnings.
	 * @return the steps
	 */
	public List<RewriteStep> rewriteSteps() {
		return read().conf().rewriteSteps();
	}

	/**
	 * Preview adding a local domain.
	 * @param domain a valid stored ASCII name
	 * @return the previewed change (maddy.conf edited, checked by maddy, then a restart)
	 * @throws MailFileException when it is already local or maddy.conf has no
	 * {@code $(local_domains)}
	 */
	public Change previewAdd(String domain) {
		Read current = read();
		MaddyConf edited = current.conf().withLocalDomain(domain);
		return preview("mail.change.domain-add", domain, "new mail domain " + domain, current, edited, "/domains/new");
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
		return preview("mail.change.domain-remove", domain, "remove mail domain " + domain, current, edited,
				"/domains/" + domain + "/delete");
	}

	private Change preview(String titleKey, String domain, String summary, Read current, MaddyConf edited,
			String origin) {
		FileEdit edit = FileEdit.validated(current.snapshot(), edited.text().getBytes(StandardCharsets.UTF_8),
				MADDY_CONF_VALIDATOR);
		return this.changes
			.preview(ChangeRequest.titled(titleKey, List.of(domain), summary, List.of(edit), List.of(MaddyRestart.ID))
				.withOrigin(origin));
	}

	private Read read() {
		FileSnapshot snapshot = this.hosts.current().read(this.config);
		String text = snapshot.exists() ? new String(snapshot.content(), StandardCharsets.UTF_8) : "";
		return new Read(snapshot, MaddyConf.parse(text));
	}

	private record Read(FileSnapshot snapshot, MaddyConf conf) {
	}

}
