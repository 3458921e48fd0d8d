package postern.mail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

import postern.PosternProperties;
import postern.host.FileReads;
import postern.host.FileSnapshot;
import postern.host.Host;
import postern.host.Hosts;
import postern.host.ServerSettings;
import postern.names.DomainNames;

import org.springframework.stereotype.Service;

/**
 * The DKIM keys maddy generated: {@code <state-dir>/dkim_keys/<domain>_default.dns} holds
 * the TXT value of each domain's public key. maddy writes it when it first starts with
 * the domain, so a new domain has none until maddy restarted. A domain's page and its
 * health page show the record on every view: the file is read through {@link FileReads},
 * kept while its stamp does not change.
 */
@Service
public class DkimKeys {

	static final String SELECTOR = "default";

	/** What a DKIM record may hold; anything else in the file is not published. */
	private static final Pattern RECORD = Pattern.compile("v=DKIM1;[A-Za-z0-9;=+/ ]{1,4000}");

	private final Hosts hosts;

	private final PosternProperties properties;

	private final FileReads reads;

	DkimKeys(Hosts hosts, PosternProperties properties, FileReads reads) {
		this.hosts = hosts;
		this.properties = properties;
		this.reads = reads;
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
		return this.reads
			.read(host, folder.resolve(domain + "_" + SELECTOR + ".dns"), KeyFile.class,
					(file) -> KeyFile.parse(domain, file))
			.record();
	}

	/** What a key file holds that may be published. */
	private record KeyFile(Optional<DkimRecord> record) {

		static KeyFile parse(String domain, FileSnapshot file) {
			if (!file.exists()) {
				return new KeyFile(Optional.empty());
			}
			String value = new String(file.content(), StandardCharsets.US_ASCII).strip();
			return new KeyFile(RECORD.matcher(value).matches() ? Optional.of(new DkimRecord(domain, SELECTOR, value))
					: Optional.empty());
		}

	}

}
