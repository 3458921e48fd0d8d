package postern.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The one shape of the API's errors, for the exception handlers of every feature:
 * {@code status}, a short {@code error} code and a {@code message} in the language of
 * {@code Accept-Language}. Made by each handler from the application's messages, so a
 * controller slice test needs no more beans than it had.
 */
public final class ApiErrors {

	private final MessageSource messages;

	public ApiErrors(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * An error answer.
	 * @param status its HTTP status
	 * @param error its code, e.g. {@code conflict}
	 * @param messageKey the key of its message
	 * @param arguments the message's arguments
	 * @return the answer
	 */
	public ResponseEntity<Map<String, Object>> error(HttpStatus status, String error, String messageKey,
			Object... arguments) {
		return ResponseEntity.status(status).body(body(status, error, text(messageKey, arguments)));
	}

	Map<String, Object> body(HttpStatus status, String error, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", status.value());
		body.put("error", error);
		body.put("message", message);
		return body;
	}

	String text(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
