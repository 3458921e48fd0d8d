package postern.reports;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import postern.audit.AuditLog;
import postern.mail.MailDomain;
import postern.mail.MailDomains;
import postern.mail.MailboxOutcome;
import postern.mail.Mailboxes;
import postern.mail.Passphrases;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports mailbox in force: the values saved on the settings page, else those of
 * {@code postern.reports.imap.*}; an empty host means the MX host of maddy.conf. Saving
 * seals the password; it is never shown, logged or audited.
 */
@Service
public class ReportsMailboxSettings {

	private static final Logger logger = LoggerFactory.getLogger(ReportsMailboxSettings.class);

	/** The local part of the mailbox Postern creates. */
	static final String LOCAL_PART = "reports";

	/** The key the saved settings are kept under until they are written again. */
	private static final String SAVED = "saved settings";

	private final ReportsProperties properties;

	private final MailDomains domains;

	private final StoredMailboxSettingsRepository stored;

	private final SecretBox secrets;

	private final Mailboxes mailboxes;

	private final AuditLog auditLog;

	private final ReportWrites writes;

	private final Clock clock = Clock.systemUTC();

	ReportsMailboxSettings(ReportsProperties properties, MailDomains domains, StoredMailboxSettingsRepository stored,
			SecretBox secrets, Mailboxes mailboxes, AuditLog auditLog, ReportWrites writes) {
		this.properties = properties;
		this.domains = domains;
		this.stored = stored;
		this.secrets = secrets;
		this.mailboxes = mailboxes;
		this.auditLog = auditLog;
		this.writes = writes;
	}

	/**
	 * The settings in force.
	 * @return the settings; {@link MailboxSettings#isSet()} says whether they can be used
	 */
	public MailboxSettings effective() {
		Optional<MailboxSettings> saved = saved();
		if (saved.isPresent()) {
			MailboxSettings row = saved.get();
			return new MailboxSettings(hostOrMx(row.host()), row.port(), row.username(), row.password(), row.folder(),
					row.serverName());
		}
		ReportsProperties.Imap imap = this.properties.imap();
		return new MailboxSettings(hostOrMx(imap.host()), imap.port(), imap.username(), imap.password(),
				blank(imap.folder()) ? "INBOX" : imap.folder(), imap.serverName());
	}

	/**
	 * Whether a password is saved, so the form may leave it empty.
	 * @return whether the settings page saved settings
	 */
	public boolean hasSavedPassword() {
		return saved().isPresent();
	}

	/**
	 * The settings saved on the page, their password opened, as read after the last
	 * write: the report pages show them on every view. The host is as saved, empty for
	 * the MX host.
	 */
	private Optional<MailboxSettings> saved() {
		return this.writes.read(SAVED,
				(key) -> this.stored.findById(StoredMailboxSettings.ONLY)
					.map((row) -> new MailboxSettings(row.getHost(), row.getPort(), row.getUsername(), password(row),
							row.getFolder(), row.getServerName())));
	}

	/**
	 * Save the settings of the page.
	 * @param host the IMAP server, or empty for the MX host
	 * @param port its port
	 * @param username the login
	 * @param password the password, or empty to keep the saved one
	 * @param folder the folder reports arrive in
	 * @param serverName the certificate's name, or empty for the host
	 */
	@Transactional
	public void save(String host, int port, String username, String password, String folder, String serverName) {
		String sealed = blank(password)
				? this.stored.findById(StoredMailboxSettings.ONLY).orElseThrow().getPasswordSealed()
				: this.secrets.seal(password);
		this.stored.save(new StoredMailboxSettings(host.strip(), port, username.strip(), sealed, folder.strip(),
				blank(serverName) ? null : serverName.strip(), this.clock.instant()));
		this.auditLog.record("reports.settings", username.strip(),
				"host " + (blank(host) ? "(MX host)" : host.strip()) + ", port " + port + ", folder " + folder.strip()
						+ ", server name " + (blank(serverName) ? "(host)" : serverName.strip())
						+ (blank(password) ? "" : ", new password"));
	}

	/**
	 * Create {@code reports@<primary domain>} through maddy with a generated password,
	 * the same way as the mailbox form, and save it as the reports mailbox.
	 * @return what maddy did, or empty when there is no primary domain
	 */
	@Transactional
	public Optional<MailboxOutcome> createMailbox() {
		Optional<String> primary = primaryDomain();
		if (primary.isEmpty()) {
			return Optional.empty();
		}
		String address = LOCAL_PART + "@" + primary.get();
		String password = Passphrases.generate(LOCAL_PART);
		MailboxOutcome outcome = this.mailboxes.create(address, password, false);
		if (outcome.success()) {
			MailboxSettings current = effective();
			this.stored
				.save(new StoredMailboxSettings("", this.properties.imap().port(), address, this.secrets.seal(password),
						"INBOX", blank(current.serverName()) ? null : current.serverName(), this.clock.instant()));
			this.auditLog.record("reports.mailbox.create", address, "reports mailbox created and set");
		}
		return Optional.of(outcome);
	}

	/**
	 * The primary local domain, where the reports mailbox is made.
	 * @return the domain, or empty when maddy.conf names none
	 */
	public Optional<String> primaryDomain() {
		try {
			return this.domains.list().stream().filter(MailDomain::primary).map(MailDomain::name).findFirst();
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	private String password(StoredMailboxSettings row) {
		try {
			return this.secrets.open(row.getPasswordSealed());
		}
		catch (IllegalStateException ex) {
			logger.warn("Reports mailbox password unreadable: {}", ex.getMessage());
			return null;
		}
	}

	private String hostOrMx(String host) {
		if (!blank(host)) {
			return host;
		}
		try {
			return this.domains.mxHost().orElse("");
		}
		catch (RuntimeException ex) {
			// maddy.conf unreadable: the host must then be set
			return "";
		}
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
