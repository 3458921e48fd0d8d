package postern.infrastructure;

import postern.host.FileConflictException;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Errors every controller shares: a file that changed on disk becomes a message on the
 * dashboard instead of an error page.
 */
@ControllerAdvice
class ErrorHandlingAdvice {

	@ExceptionHandler(FileConflictException.class)
	String fileConflict(FileConflictException ex, RedirectAttributes attributes) {
		FlashMessage.error(attributes, "error.conflict", ex.getPath());
		return "redirect:/";
	}

}
