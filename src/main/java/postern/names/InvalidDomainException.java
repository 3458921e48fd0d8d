package postern.names;

/**
 * A domain name Postern refuses, with the message key that says why.
 */
public class InvalidDomainException extends IllegalArgumentException {

	private final String reasonKey;

	public InvalidDomainException(String reasonKey) {
		super(reasonKey);
		this.reasonKey = reasonKey;
	}

	/**
	 * Why the name was refused.
	 * @return a message key such as {@code domain.invalid.syntax}
	 */
	public String reasonKey() {
		return this.reasonKey;
	}

}
