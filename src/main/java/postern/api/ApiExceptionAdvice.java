package postern.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import postern.host.FileConflictException;
import postern.mail.MaddyException;
import postern.mail.MailFileException;
import postern.sites.SiteNotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ResponseStatusException;

/**
 * The API's errors as JSON: 400 with each field's messages (in the language of
 * {@code Accept-Language}), 404, 409 for a file maddy or Postern refuses, 502 when maddy
 * fails. Only for the API's controllers; the pages keep their own error pages.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionAdvice {

	private final MessageSource messages;

	ApiExceptionAdvice(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(InvalidApiRequestException.class)
	ResponseEntity<Map<String, Object>> invalid(InvalidApiRequestException ex) {
		return invalid(ex.getErrors());
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	ResponseEntity<Map<String, Object>> invalid(MethodArgumentNotValidException ex) {
		return invalid(ex.getBindingResult());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException ex) {
		return error(HttpStatus.BAD_REQUEST, "invalid", text("api.error.unreadable"));
	}

	@ExceptionHandler(MailFileException.class)
	ResponseEntity<Map<String, Object>> mailFile(MailFileException ex) {
		return error(HttpStatus.CONFLICT, "refused", text(ex.messageKey(), ex.arguments().toArray()));
	}

	@ExceptionHandler(FileConflictException.class)
	ResponseEntity<Map<String, Object>> fileConflict(FileConflictException ex) {
		return error(HttpStatus.CONFLICT, "conflict", text("api.error.conflict", ex.getPath()));
	}

	@ExceptionHandler(MaddyException.class)
	ResponseEntity<Map<String, Object>> maddy(MaddyException ex) {
		return error(HttpStatus.BAD_GATEWAY, "maddy",
				text("api.error.maddy", ex.getRun().commandLine(), ex.getRun().message()));
	}

	@ExceptionHandler(SiteNotFoundException.class)
	ResponseEntity<Map<String, Object>> noSite(SiteNotFoundException ex) {
		return error(HttpStatus.NOT_FOUND, "not-found", text("api.error.not-found"));
	}

	@ExceptionHandler(ResponseStatusException.class)
	ResponseEntity<Map<String, Object>> status(ResponseStatusException ex) {
		HttpStatus status = HttpStatus.valueOf(ex.getStatusCode().value());
		String message = (status == HttpStatus.NOT_FOUND) ? text("api.error.not-found")
				: (ex.getReason() != null) ? ex.getReason() : status.getReasonPhrase();
		return error(status, (status == HttpStatus.NOT_FOUND) ? "not-found" : "error", message);
	}

	private ResponseEntity<Map<String, Object>> invalid(Errors errors) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, List<String>> fields = new LinkedHashMap<>();
		for (FieldError error : errors.getFieldErrors()) {
			fields.computeIfAbsent(error.getField(), (field) -> new ArrayList<>())
				.add(this.messages.getMessage(error, locale));
		}
		List<String> global = new ArrayList<>();
		for (ObjectError error : errors.getGlobalErrors()) {
			global.add(this.messages.getMessage(error, locale));
		}
		Map<String, Object> body = body(HttpStatus.BAD_REQUEST, "invalid", text("api.error.invalid"));
		body.put("fields", fields);
		if (!global.isEmpty()) {
			body.put("errors", global);
		}
		return ResponseEntity.badRequest().body(body);
	}

	private ResponseEntity<Map<String, Object>> error(HttpStatus status, String error, String message) {
		return ResponseEntity.status(status).body(body(status, error, message));
	}

	private static Map<String, Object> body(HttpStatus status, String error, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", status.value());
		body.put("error", error);
		body.put("message", message);
		return body;
	}

	private String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
