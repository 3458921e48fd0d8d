package postern.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import postern.PosternProperties;
import postern.host.FileSnapshot;
import postern.host.Hosts;

import org.springframework.stereotype.Service;

/**
 * The local domains of maddy.conf: {@code $(local_domains)}, with
 * {@code $(primary_domain)} expanded and marked. A minimal reader of the two macros,
 * until the full maddy.conf model takes over.
 */
@Service
public class MailDomains {

	private static final Pattern MACRO = Pattern.compile("^\\s*\\$\\(([a-z_]+)\\)\\s*=\\s*(.*?)\\s*$",
			Pattern.MULTILINE);

	private final Hosts hosts;

	private final PosternProperties properties;

	MailDomains(Hosts hosts, PosternProperties properties) {
		this.hosts = hosts;
		this.properties = properties;
	}

	/**
	 * The local domains, primary first, in the order of maddy.conf.
	 * @return the domains; empty when maddy.conf is missing
	 */
	public List<MailDomain> list() {
		FileSnapshot snapshot = this.hosts.current().read(this.properties.maddy().config());
		if (!snapshot.exists()) {
			return List.of();
		}
		String text = new String(snapshot.content(), StandardCharsets.UTF_8);
		String primary = "";
		String local = "";
		Matcher matcher = MACRO.matcher(text);
		while (matcher.find()) {
			switch (matcher.group(1)) {
				case "primary_domain" -> primary = matcher.group(2).toLowerCase(Locale.ROOT);
				case "local_domains" -> local = matcher.group(2);
				default -> {
				}
			}
		}
		Set<String> names = new LinkedHashSet<>();
		for (String word : local.replace("$(primary_domain)", " " + primary + " ").split("\\s+")) {
			if (!word.isBlank() && !word.startsWith("$(")) {
				names.add(word.toLowerCase(Locale.ROOT));
			}
		}
		List<MailDomain> domains = new ArrayList<>();
		for (String name : names) {
			domains.add(new MailDomain(name, name.equals(primary)));
		}
		return domains;
	}

	/**
	 * Whether maddy delivers to a domain.
	 * @param domain a lower-case ASCII domain
	 * @return {@code true} when it is one of the local domains
	 */
	public boolean isLocal(String domain) {
		return domain != null && list().stream().anyMatch((candidate) -> candidate.name().equals(domain));
	}

}
