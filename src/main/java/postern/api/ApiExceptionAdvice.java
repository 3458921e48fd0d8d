package postern.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import postern.host.FileConflictException;
import postern.infrastructure.NotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
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
 * The API's errors every feature shares, as JSON: 400 with each field's messages (in the
 * language of {@code Accept-Language}), 404 for whatever a URL names and does not exist,
 * 409 for a file changed on disk, 413 for a body the count stopped at
 * {@code postern.api.max-body-size}. A feature maps its own failures with
 * {@link ApiErrors}. Only for the API's controllers; the pages keep their own error
 * pages.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionAdvice {

	private final MessageSource messages;

	private final ApiErrors errors;

	ApiExceptionAdvice(MessageSource messages) {
		this.messages = messages;
		this.errors = new ApiErrors(messages);
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
		if (ApiBodyLimitFilter.causedByTheLimit(ex)) {
			// a body without a length, stopped by the count at the limit
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.header(HttpHeaders.CONNECTION, "close")
				.body(this.errors.body(HttpStatus.CONTENT_TOO_LARGE, ApiErrorResponses.TOO_LARGE,
						ex.getMostSpecificCause().getMessage()));
		}
		return this.errors.error(HttpStatus.BAD_REQUEST, "invalid", "api.error.unreadable");
	}

	@ExceptionHandler(FileConflictException.class)
	ResponseEntity<Map<String, Object>> fileConflict(FileConflictException ex) {
		return this.errors.error(HttpStatus.CONFLICT, "conflict", "api.error.conflict", ex.getPath());
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<Map<String, Object>> notFound(NotFoundException ex) {
		return this.errors.error(HttpStatus.NOT_FOUND, "not-found", "api.error.not-found");
	}

	@ExceptionHandler(ResponseStatusException.class)
	ResponseEntity<Map<String, Object>> status(ResponseStatusException ex) {
		HttpStatus status = HttpStatus.valueOf(ex.getStatusCode().value());
		String message = (status == HttpStatus.NOT_FOUND) ? this.errors.text("api.error.not-found")
				: (ex.getReason() != null) ? ex.getReason() : status.getReasonPhrase();
		return ResponseEntity.status(status)
			.body(this.errors.body(status, (status == HttpStatus.NOT_FOUND) ? "not-found" : "error", message));
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
		Map<String, Object> body = this.errors.body(HttpStatus.BAD_REQUEST, "invalid",
				this.errors.text("api.error.invalid"));
		body.put("fields", fields);
		if (!global.isEmpty()) {
			body.put("errors", global);
		}
		return ResponseEntity.badRequest().body(body);
	}

}
