package postern.mail.web;

import java.util.Map;

import postern.api.ApiErrors;
import postern.mail.MaddyException;
import postern.mail.MailFileException;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Mail's failures in the JSON API: 409 for a file maddy or Postern refuses, 502 when
 * maddy fails. Ahead of the pages' own handlers of the same failures.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MailApiExceptionAdvice {

	private final ApiErrors errors;

	MailApiExceptionAdvice(MessageSource messages) {
		this.errors = new ApiErrors(messages);
	}

	@ExceptionHandler(MailFileException.class)
	ResponseEntity<Map<String, Object>> mailFile(MailFileException ex) {
		return this.errors.error(HttpStatus.CONFLICT, "refused", ex.messageKey(), ex.arguments().toArray());
	}

	@ExceptionHandler(MaddyException.class)
	ResponseEntity<Map<String, Object>> maddy(MaddyException ex) {
		return this.errors.error(HttpStatus.BAD_GATEWAY, "maddy", "api.error.maddy", ex.getRun().commandLine(),
				ex.getRun().message());
	}

}
