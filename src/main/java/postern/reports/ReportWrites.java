package postern.reports;

import postern.infrastructure.StoredWrites;

import org.springframework.stereotype.Component;

/**
 * Writes of the stored reports, their rows, the fetches, the mails kept aside and the
 * mailbox settings, and what the report pages read from them, kept until the next write.
 */
@Component
class ReportWrites extends StoredWrites {

	ReportWrites() {
		super(StoredReport.class, DmarcRow.class, TlsPolicyRow.class, TlsFailureRow.class, ReportFetch.class,
				UnreadableMessage.class, StoredMailboxSettings.class);
	}

}
