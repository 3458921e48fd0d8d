package postern.mail;

import java.util.Optional;

/**
 * Where DMARC and TLS reports are sent, when a reports mailbox is set. The reports
 * feature provides it; without a bean of this type, reports go to each domain's
 * postmaster.
 */
public interface ReportsAddress {

	/**
	 * The reports mailbox's address.
	 * @return e.g. {@code reports@example.org}, or empty when none is set
	 */
	Optional<String> address();

}
