package postern.reports;

/**
 * What one fetch did.
 *
 * @param reports new reports stored
 * @param duplicates reports already stored, delivered again
 * @param unreadable mails kept aside as unreadable
 * @param error why the mailbox could not be read, or {@code null}
 */
public record FetchOutcome(int reports, int duplicates, int unreadable, String error) {

	static FetchOutcome failed(String error) {
		return new FetchOutcome(0, 0, 0, error);
	}

}
