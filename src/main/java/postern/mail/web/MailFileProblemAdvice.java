package postern.mail.web;

import postern.mail.MaddyException;
import postern.mail.MailFileException;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A mail page whose file Postern cannot read (maddy.conf with a syntax error, say), or
 * whose listing maddy's CLI refuses (maddy not installed, its user missing), says so in
 * plain words instead of failing with a stack trace.
 */
@ControllerAdvice(assignableTypes = { DomainController.class, AliasController.class })
class MailFileProblemAdvice {

	static final String VIEW = "mail/problem";

	@ExceptionHandler(MailFileException.class)
	@ResponseStatus(HttpStatus.CONFLICT)
	String unreadable(MailFileException ex, Model model) {
		model.addAttribute("messageKey", ex.messageKey());
		model.addAttribute("arguments", ex.arguments());
		return VIEW;
	}

	@ExceptionHandler(MaddyException.class)
	@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
	String maddyFailed(MaddyException ex, Model model) {
		model.addAttribute("maddyRun", ex.getRun());
		return VIEW;
	}

}
