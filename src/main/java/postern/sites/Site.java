package postern.sites;

import java.util.List;

/**
 * A site as Postern reads and writes it.
 *
 * @param kind what it does
 * @param addresses its addresses, at least one
 * @param root a static site's folder
 * @param browse whether a static site lists folders without an index page
 * @param gzip whether responses are compressed
 * @param upstreams a proxy's upstreams, {@code host:port}
 * @param redirectTo where a redirect sends visitors
 * @param user the basic-auth user of a static site or proxy, or {@code null}
 * @param policy an MTA-STS site's policy
 * @param redirectStatus a redirect's status as written ({@code permanent},
 * {@code 308}...), empty for none (Caddy's temporary redirect)
 */
public record Site(SiteKind kind, List<String> addresses, String root, boolean browse, boolean gzip,
		List<String> upstreams, String redirectTo, User user, MtaStsPolicy policy, String redirectStatus) {

	/** The status a new redirect gets unless the admin chooses another. */
	public static final String PERMANENT = "permanent";

	public Site {
		addresses = List.copyOf(addresses);
		upstreams = (upstreams != null) ? List.copyOf(upstreams) : List.of();
		// Only a redirect has a status: other kinds compare equal whatever was passed
		redirectStatus = (redirectStatus != null && kind == SiteKind.REDIRECT) ? redirectStatus : "";
	}

	/**
	 * A site whose redirect, if it is one, is permanent.
	 */
	public Site(SiteKind kind, List<String> addresses, String root, boolean browse, boolean gzip,
			List<String> upstreams, String redirectTo, User user, MtaStsPolicy policy) {
		this(kind, addresses, root, browse, gzip, upstreams, redirectTo, user, policy, PERMANENT);
	}

	/**
	 * A block Postern has no form for.
	 * @param addresses its keys
	 * @return the site
	 */
	static Site other(List<String> addresses) {
		return new Site(SiteKind.OTHER, addresses, null, false, false, List.of(), null, null, null);
	}

	/**
	 * A basic-auth user.
	 *
	 * @param name the user name
	 * @param hash the bcrypt hash of the password
	 */
	public record User(String name, String hash) {

		@Override
		public String toString() {
			return "User[name=" + this.name + "]";
		}

	}

}
