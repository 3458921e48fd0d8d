package postern.reports;

import java.util.Optional;

import postern.mail.MailDomains;

import org.springframework.stereotype.Service;

/**
 * The reports mailbox in force: the values saved on the settings page, else those of
 * {@code postern.reports.imap.*}, the host defaulting to the MX host of maddy.conf.
 */
@Service
public class ReportsMailboxSettings {

	private final ReportsProperties properties;

	private final MailDomains domains;

	ReportsMailboxSettings(ReportsProperties properties, MailDomains domains) {
		this.properties = properties;
		this.domains = domains;
	}

	/**
	 * The settings in force.
	 * @return the settings; {@link MailboxSettings#isSet()} says whether they can be used
	 */
	public MailboxSettings effective() {
		ReportsProperties.Imap imap = this.properties.imap();
		String host = blank(imap.host()) ? mxHost().orElse("") : imap.host();
		return new MailboxSettings(host, imap.port(), imap.username(), imap.password(),
				blank(imap.folder()) ? "INBOX" : imap.folder(), imap.serverName());
	}

	private Optional<String> mxHost() {
		try {
			return this.domains.mxHost();
		}
		catch (RuntimeException ex) {
			// maddy.conf unreadable: the host must then be set
			return Optional.empty();
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
