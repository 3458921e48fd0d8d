package postern.sites;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of site block Postern writes, and {@link #OTHER} for every block it only
 * shows and edits as raw text.
 */
public enum SiteKind {

	/**
	 * Files from a folder: {@code root}, {@code file_server}, optional compression and
	 * basic auth.
	 */
	STATIC("static"),

	/** {@code reverse_proxy} to one or more upstreams. */
	PROXY("proxy"),

	/** {@code redir} to another address. */
	REDIRECT("redirect"),

	/** The MTA-STS policy of a mail domain, on {@code mta-sts.<domain>}. */
	MTA_STS("mta-sts"),

	/** Anything else: global options, snippets, hand-written sites. */
	OTHER("other");

	private final String value;

	SiteKind(String value) {
		this.value = value;
	}

	/**
	 * The kind's name in forms and URLs.
	 * @return e.g. {@code mta-sts}
	 */
	public String value() {
		return this.value;
	}

	/**
	 * The message key of the kind's label.
	 * @return e.g. {@code sites.kind.mta-sts}
	 */
	public String labelKey() {
		return "sites.kind." + this.value;
	}

	/**
	 * Whether Postern has a form for this kind.
	 * @return {@code false} for {@link #OTHER}
	 */
	public boolean editable() {
		return this != OTHER;
	}

	/**
	 * The kind with a form name.
	 * @param value e.g. {@code static}
	 * @return the kind, if Postern has a form for it
	 */
	public static Optional<SiteKind> of(String value) {
		return Arrays.stream(values()).filter((kind) -> kind.editable() && kind.value.equals(value)).findFirst();
	}

}
