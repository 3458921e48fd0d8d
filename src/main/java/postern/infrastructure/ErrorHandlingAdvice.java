package postern.infrastructure;

import postern.host.FileConflictException;
import postern.host.HostKeyException;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Errors every controller shares: a file that changed on disk becomes a message on the
 * dashboard instead of an error page; a refused host key, one on the hosts page.
 */
@ControllerAdvice
class ErrorHandlingAdvice {

	@ExceptionHandler(FileConflictException.class)
	String fileConflict(FileConflictException ex, RedirectAttributes attributes) {
		FlashMessage.error(attributes, "error.conflict", ex.getPath());
		return "redirect:/";
	}

	/**
	 * A server that offers another host key may be an impostor: nothing was sent to it,
	 * and the admin is sent to the hosts page with the reason, since every other page of
	 * that host would fail the same way.
	 */
	@ExceptionHandler(HostKeyException.class)
	String hostKeyRefused(HostKeyException ex, RedirectAttributes attributes) {
		FlashMessage.error(attributes, "error.hostKey", ex.getMessage());
		return "redirect:/hosts";
	}

}
