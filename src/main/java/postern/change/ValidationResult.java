package postern.change;

/**
 * What a {@link ChangeValidator} found.
 *
 * @param ok whether the candidate may be written
 * @param output the message or command output to show the admin (may be empty)
 */
public record ValidationResult(boolean ok, String output) {

	public ValidationResult {
		output = (output != null) ? output : "";
	}

	/**
	 * A candidate that may be written.
	 * @param output what the validator said
	 * @return the result
	 */
	public static ValidationResult valid(String output) {
		return new ValidationResult(true, output);
	}

	/**
	 * A candidate that must not be written.
	 * @param output why
	 * @return the result
	 */
	public static ValidationResult invalid(String output) {
		return new ValidationResult(false, output);
	}

}
