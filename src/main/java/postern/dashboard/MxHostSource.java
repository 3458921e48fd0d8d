package postern.dashboard;

import java.util.Optional;

/**
 * Where the MX host name comes from, so the dashboard can find the MX certificate at
 * {@code <postern.maddy.cert-dir>/<mx-host>/fullchain.pem}. The mail feature provides it
 * (from maddy.conf's {@code $(hostname)}); without a bean of this type the dashboard
 * shows Caddy's certificates only.
 */
public interface MxHostSource {

	/**
	 * The MX host.
	 * @return e.g. {@code mx1.example.org}, or empty when it is not known
	 */
	Optional<String> mxHost();

}
