package postern.imports.web;

import postern.imports.CsvImport;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * A file over {@code spring.servlet.multipart.max-file-size} is refused before any
 * controller runs; the upload page says so next to the field instead of an error page.
 */
@ControllerAdvice
class ImportUploadAdvice {

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	@ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
	String tooLarge(Model model) {
		model.addAttribute("header", CsvImport.HEADER);
		model.addAttribute("fileError", "import.file.too-large");
		return ImportController.UPLOAD_VIEW;
	}

}
