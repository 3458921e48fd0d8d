package postern.mail.web;

import postern.infrastructure.NotFoundException;

/**
 * A domain that is not local, an alias that is not in the file, or a mailbox maddy does
 * not know.
 */
class MailNotFoundException extends NotFoundException {

	MailNotFoundException(String what) {
		super("No such mail domain, alias or mailbox: " + what);
	}

}
