package postern.sites;

import java.util.regex.Pattern;

/**
 * The only shapes the sites forms accept. None of them can hold a space where it would
 * split a token, a brace, a quote, a backslash, a newline or a {@code #}, so no value can
 * open a block, end one, or start a directive. Used by the forms' Bean Validation and
 * checked again by {@link SiteService} before anything is written.
 */
public final class SiteValues {

	private static final String LABEL = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?";

	/** A host name with at least one dot (a single word could read as a directive). */
	private static final String DOTTED_HOST = "(\\*\\.)?(" + LABEL + "\\.)+" + LABEL;

	private static final String IPV4 = "(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}";

	private static final String IPV6 = "\\[[0-9a-f:.]{2,45}\\]";

	private static final String PORT = "([1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])";

	private static final String HOST = "(" + DOTTED_HOST + "|localhost|" + IPV4 + "|" + IPV6 + ")";

	private static final String ADDRESS = "(https?://)?(" + HOST + "(:" + PORT + ")?|:" + PORT + ")";

	/** One or more site addresses, separated by single spaces. */
	public static final String ADDRESSES = "(?i)" + ADDRESS + "( " + ADDRESS + ")*";

	/** A folder: letters, digits and {@code . _ - @ +}, separated by slashes. */
	public static final String ROOT = "/?[A-Za-z0-9._@+-]+(/[A-Za-z0-9._@+-]+)*/?";

	private static final String UPSTREAM = "(https?://)?(" + HOST + "|" + LABEL + "):" + PORT;

	/** One or more upstreams, {@code host:port}, separated by single spaces. */
	public static final String UPSTREAMS = "(?i)" + UPSTREAM + "( " + UPSTREAM + ")*";

	/** An absolute http(s) URL without query, fragment, braces or quotes. */
	public static final String REDIRECT_TO = "(?i)https?://" + HOST + "(:" + PORT + ")?(/[A-Za-z0-9._~%/+-]*)?";

	/**
	 * A basic-auth user name; it starts with a letter or a digit, so it never reads as an
	 * option or a path.
	 */
	public static final String USER = "[A-Za-z0-9][A-Za-z0-9._@-]{0,63}";

	/**
	 * The status of a redirect: none (Caddy's temporary redirect), a word Caddy knows or
	 * a 3xx code.
	 */
	public static final String REDIRECT_STATUS = "|permanent|temporary|html|3[0-9][0-9]";

	/** MX host names for an MTA-STS policy, separated by single spaces. */
	public static final String MX_HOSTS = "(?i)" + DOTTED_HOST + "( " + DOTTED_HOST + ")*";

	private SiteValues() {
	}

	/**
	 * Whether a value has a shape.
	 * @param regex one of the constants above
	 * @param value a value from a form
	 * @return {@code true} when it matches entirely
	 */
	public static boolean matches(String regex, String value) {
		return value != null && Pattern.compile(regex).matcher(value).matches();
	}

}
