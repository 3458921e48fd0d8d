package postern.sites;

import java.nio.charset.StandardCharsets;

import org.springframework.web.util.UriUtils;

/**
 * A block's id in URLs: its first address, URL-encoded, with each {@code /} written
 * {@code |} first, because servers refuse an encoded slash in a path.
 */
public final class SiteIds {

	private SiteIds() {
	}

	/**
	 * The path segment for a block's id.
	 * @param id the block's first key, e.g. {@code http://example.org:8080}
	 * @return e.g. {@code http:%7C%7Cexample.org:8080}
	 */
	public static String encode(String id) {
		return UriUtils.encodePathSegment(segment(id), StandardCharsets.UTF_8);
	}

	/**
	 * The path segment for a block's id before URL encoding, for templates (which encode
	 * path variables themselves).
	 * @param id the block's first key
	 * @return the id with each {@code /} written {@code |}
	 */
	public static String segment(String id) {
		return id.replace('/', '|');
	}

	/**
	 * The id from a decoded path variable.
	 * @param pathVariable the path variable as Spring decodes it
	 * @return the block's first key
	 */
	public static String decode(String pathVariable) {
		return pathVariable.replace('|', '/');
	}

}
