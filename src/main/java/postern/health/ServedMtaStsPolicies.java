package postern.health;

import java.util.Optional;

/**
 * The MTA-STS policy the web server serves for a domain (its {@code mta-sts.<domain>}
 * site), so the {@code _mta-sts} record to publish carries that policy's id. Without such
 * a bean, the id of the policy fetched over HTTPS is expected.
 */
public interface ServedMtaStsPolicies {

	/**
	 * The policy served for a domain.
	 * @param domain a mail domain
	 * @return the policy text, or empty when not known
	 */
	Optional<String> policy(String domain);

}
