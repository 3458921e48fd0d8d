package postern.sites;

import java.util.Arrays;
import java.util.List;

/**
 * What an admin asked for in a site form, before it is checked and turned into a
 * {@link Site}.
 *
 * @param kind the kind's form name
 * @param addresses space-separated addresses
 * @param root a static site's folder, absolute or relative to the web root
 * @param browse list folders without an index page
 * @param gzip compress responses
 * @param upstreams space-separated upstreams of a proxy
 * @param redirectTo a redirect's target
 * @param authUser a basic-auth user, or blank for none
 * @param authPassword the user's password, or blank to keep the current one
 * @param mode the MTA-STS mode
 * @param mx space-separated MX hosts of the MTA-STS policy
 * @param maxAge the MTA-STS policy's max_age in seconds
 * @param createFolder create a static site's missing folder with an index page
 * @param redirectStatus a redirect's status, empty for Caddy's temporary redirect
 */
public record SiteInput(String kind, String addresses, String root, boolean browse, boolean gzip, String upstreams,
		String redirectTo, String authUser, String authPassword, String mode, String mx, Long maxAge,
		boolean createFolder, String redirectStatus) {

	/**
	 * An input whose redirect, if it is one, is permanent.
	 */
	public SiteInput(String kind, String addresses, String root, boolean browse, boolean gzip, String upstreams,
			String redirectTo, String authUser, String authPassword, String mode, String mx, Long maxAge,
			boolean createFolder) {
		this(kind, addresses, root, browse, gzip, upstreams, redirectTo, authUser, authPassword, mode, mx, maxAge,
				createFolder, Site.PERMANENT);
	}

	/**
	 * The addresses as a list.
	 * @return each address, lower-cased
	 */
	List<String> addressList() {
		return words(this.addresses).stream().map((address) -> address.toLowerCase(java.util.Locale.ROOT)).toList();
	}

	static List<String> words(String value) {
		return (value == null || value.isBlank()) ? List.of()
				: Arrays.stream(value.strip().split(" +")).filter((word) -> !word.isEmpty()).toList();
	}

	@Override
	public String toString() {
		return "SiteInput[kind=" + this.kind + ", addresses=" + this.addresses + "]";
	}

}
