package postern.mail.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A domain that is not local, or an alias that is not in the file.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class MailNotFoundException extends RuntimeException {

	MailNotFoundException(String what) {
		super("No such mail domain or alias: " + what);
	}

}
