package postern.sites;

/**
 * A value of a site form that the service refused, to show next to its field.
 */
public class SiteFieldException extends RuntimeException {

	private final String field;

	private final String messageKey;

	private final transient Object[] args;

	SiteFieldException(String field, String messageKey, Object... args) {
		super(field + ": " + messageKey);
		this.field = field;
		this.messageKey = messageKey;
		this.args = args;
	}

	/**
	 * The form field.
	 * @return e.g. {@code root}
	 */
	public String getField() {
		return this.field;
	}

	/**
	 * The message key of the error.
	 * @return e.g. {@code sites.error.root.outside}
	 */
	public String getMessageKey() {
		return this.messageKey;
	}

	/**
	 * The message's arguments.
	 * @return the arguments
	 */
	public Object[] getArgs() {
		return this.args.clone();
	}

}
