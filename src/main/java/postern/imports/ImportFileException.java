package postern.imports;

/**
 * An upload that is not an import file at all: not CSV, no header, too many lines.
 */
public class ImportFileException extends RuntimeException {

	private final String messageKey;

	private final transient Object[] arguments;

	ImportFileException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	/**
	 * What is wrong.
	 * @return a message key of the {@code import} bundle
	 */
	public String messageKey() {
		return this.messageKey;
	}

	public Object[] arguments() {
		return this.arguments;
	}

}
