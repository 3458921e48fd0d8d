package postern.reports;

/**
 * A report that cannot be read, with the reason shown to the admin.
 */
public class UnreadableReportException extends Exception {

	private final String reasonKey;

	private final String detail;

	/**
	 * A report refused.
	 * @param reasonKey the message key of the reason, e.g. {@code reports.unreadable.xml}
	 * @param detail what the parser said, or an empty string
	 */
	public UnreadableReportException(String reasonKey, String detail) {
		super(reasonKey + (detail.isEmpty() ? "" : ": " + detail));
		this.reasonKey = reasonKey;
		this.detail = detail;
	}

	/**
	 * The message key of the reason.
	 * @return the key
	 */
	public String reasonKey() {
		return this.reasonKey;
	}

	/**
	 * What the parser said.
	 * @return the detail, possibly empty
	 */
	public String detail() {
		return this.detail;
	}

}
