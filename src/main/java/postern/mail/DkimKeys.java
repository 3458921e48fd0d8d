package postern.mail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

import postern.PosternProperties;
import postern.host.FileSnapshot;
import postern.host.Host;
import postern.host.Hosts;
import postern.host.ServerSettings;
import postern.names.DomainNames;

import org.springframework.stereotype.Service;

/**
 * The DKIM keys maddy generated: {@code <state-dir>/dkim_keys/<domain>_default.dns} holds
 * the TXT value of each domain's public key. maddy writes it when it first starts with
 * the domain, so a new domain has none until maddy restarted.
 */
@Service
public class DkimKeys {

	static final String SELECTOR = "default";

	/** What a DKIM record may hold; anything else in the file is not published. */
	private static final Pattern RECORD = Pattern.compile("v=DKIM1;[A-Za-z0-9;=+/ ]{1,4000}");

	private final Hosts hosts;

	private final PosternProperties properties;

	DkimKeys(Hosts hosts, PosternProperties properties) {
		this.hosts = hosts;
		this.properties = properties;
	}

	/**
	 * The record to publish for a domain.
	 * @param domain a valid stored domain name
	 * @return the record, or empty when maddy has not written the key yet
	 */
	public Optional<DkimRecord> find(String domain) {
		if (!DomainNames.isValidAscii(domain)) {
			return Optional.empty();
		}
		Host host = this.hosts.current();
		Path folder = ServerSettings.of(this.properties, host).maddy().stateDir().resolve("dkim_keys");
		FileSnapshot file = host.read(folder.resolve(domain + "_" + SELECTOR + ".dns"));
		if (!file.exists()) {
			return Optional.empty();
		}
		String value = new String(file.content(), StandardCharsets.US_ASCII).strip();
		return RECORD.matcher(value).matches() ? Optional.of(new DkimRecord(domain, SELECTOR, value))
				: Optional.empty();
	}

}
