package postern.api;

import org.springframework.validation.Errors;

/**
 * An API request that breaks the rules of the form it stands for: answered 400 with the
 * message of each field, as the form would show them.
 */
public class InvalidApiRequestException extends RuntimeException {

	private final transient Errors errors;

	/**
	 * A refused request.
	 * @param errors the field and global errors, as a form controller collects them
	 */
	public InvalidApiRequestException(Errors errors) {
		super("Invalid request: " + errors.getErrorCount() + " error(s)");
		this.errors = errors;
	}

	public Errors getErrors() {
		return this.errors;
	}

}
