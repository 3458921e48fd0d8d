package postern.reports;

import java.util.Optional;

import postern.mail.ReportsAddress;

import org.springframework.stereotype.Component;

/**
 * Tells the DNS records where reports go: the reports mailbox's address, once it can be
 * read.
 */
@Component
class ReportsMailboxAddress implements ReportsAddress {

	private final ReportsMailboxSettings settings;

	ReportsMailboxAddress(ReportsMailboxSettings settings) {
		this.settings = settings;
	}

	@Override
	public Optional<String> address() {
		MailboxSettings mailbox = this.settings.effective();
		return mailbox.isSet() ? mailbox.address() : Optional.empty();
	}

}
