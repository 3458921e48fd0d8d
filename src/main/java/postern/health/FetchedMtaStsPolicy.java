package postern.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An MTA-STS policy file (RFC 8461) as fetched from where a domain serves it.
 *
 * @param text the text
 * @param version the {@code version} field, or {@code null}
 * @param mode the {@code mode} field, or {@code null}
 * @param maxAge the {@code max_age} field as written, or {@code null}
 * @param mx the {@code mx} patterns
 * @param bareLineFeeds whether lines end with LF alone rather than CRLF
 */
public record FetchedMtaStsPolicy(String text, String version, String mode, String maxAge, List<String> mx,
		boolean bareLineFeeds) {

	/** The longest {@code max_age} the RFC allows: about one year. */
	static final long MAX_AGE_LIMIT = 31_557_600;

	/** The shortest recommended {@code max_age}: one week. */
	static final long MAX_AGE_RECOMMENDED = 604_800;

	public FetchedMtaStsPolicy {
		mx = List.copyOf(mx);
	}

	/**
	 * Read a policy.
	 * @param text the served text
	 * @return the fields found
	 */
	public static FetchedMtaStsPolicy parse(String text) {
		String version = null;
		String mode = null;
		String maxAge = null;
		List<String> mx = new ArrayList<>();
		for (String line : text.split("\r?\n")) {
			int colon = line.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
			String value = line.substring(colon + 1).strip();
			switch (key) {
				case "version" -> version = value;
				case "mode" -> mode = value;
				case "max_age" -> maxAge = value;
				case "mx" -> mx.add(value.toLowerCase(Locale.ROOT));
				default -> {
					// extensions are ignored
				}
			}
		}
		boolean bare = text.replace("\r\n", "").contains("\n");
		return new FetchedMtaStsPolicy(text, version, mode, maxAge, mx, bare);
	}

	/**
	 * The {@code max_age} in seconds.
	 * @return the value, or {@code -1} when missing or not a number
	 */
	public long maxAgeSeconds() {
		if (this.maxAge == null || !this.maxAge.matches("\\d{1,10}")) {
			return -1;
		}
		return Long.parseLong(this.maxAge);
	}

	/**
	 * Whether an MX host is covered by an {@code mx} pattern; {@code *.example.xyz}
	 * matches exactly one more leftmost label.
	 * @param host the MX host, without the final dot
	 * @return {@code true} when a pattern matches
	 */
	public boolean covers(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		return this.mx.stream().anyMatch((pattern) -> TlsProbeResult.matches(pattern, name));
	}

}
