package postern.sites;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import postern.host.FileSnapshot;

/**
 * An MTA-STS policy (RFC 8461) as Postern publishes it at
 * {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}, and the id of its
 * {@code _mta-sts} TXT record, derived from the policy text so that it changes exactly
 * when the policy does.
 *
 * @param mode {@code testing}, {@code enforce} or {@code none}
 * @param mx the MX host names the policy allows
 * @param maxAge how long senders may cache the policy, in seconds
 */
public record MtaStsPolicy(String mode, List<String> mx, long maxAge) {

	/** A week in seconds, the shortest max_age RFC 8461 recommends. */
	public static final long WEEK = 604_800;

	/** The modes of RFC 8461. */
	public static final List<String> MODES = List.of("testing", "enforce", "none");

	public MtaStsPolicy {
		if (!MODES.contains(mode)) {
			throw new IllegalArgumentException("Not an MTA-STS mode: " + mode);
		}
		mx = List.copyOf(mx);
	}

	/**
	 * The policy Postern publishes for a new mail domain: {@code testing} mode, the MX
	 * host, kept a week. The domain page shows its id until Caddy serves a policy, so
	 * both must come from here to agree.
	 * @param mxHost the server's MX host
	 * @return the policy
	 */
	public static MtaStsPolicy firstFor(String mxHost) {
		return new MtaStsPolicy("testing", List.of(mxHost), WEEK);
	}

	/**
	 * The policy file's text, one field a line, each line ended by a line feed.
	 * @return e.g.
	 * {@code version: STSv1\nmode: enforce\nmx: mail.example.org\nmax_age: 604800\n}
	 */
	public String text() {
		StringBuilder text = new StringBuilder("version: STSv1\nmode: ").append(this.mode).append('\n');
		this.mx.forEach((host) -> text.append("mx: ").append(host).append('\n'));
		return text.append("max_age: ").append(this.maxAge).append('\n').toString();
	}

	/**
	 * The id of the TXT record for this policy.
	 * @return {@link #idOf(String)} of the {@link #text()}
	 */
	public String id() {
		return idOf(text());
	}

	/**
	 * The id of the TXT record for a policy text: the first 20 hex characters of the
	 * SHA-256 of its UTF-8 bytes.
	 * @param policyText the policy as served
	 * @return 20 lower-case hex characters
	 */
	public static String idOf(String policyText) {
		return FileSnapshot.sha256(policyText.getBytes(StandardCharsets.UTF_8)).substring(0, 20);
	}

	/**
	 * The TXT record to publish for a policy text.
	 * @param policyText the policy as served
	 * @return e.g. {@code v=STSv1; id=0123456789abcdef0123}
	 */
	public static String txtRecord(String policyText) {
		return "v=STSv1; id=" + idOf(policyText);
	}

	/**
	 * Read a policy text.
	 * @param policyText the text as served
	 * @return the policy, or empty when the text is not a policy of version STSv1 with a
	 * mode, at least one mx and a max_age
	 */
	public static Optional<MtaStsPolicy> parse(String policyText) {
		String version = null;
		String mode = null;
		Long maxAge = null;
		List<String> mx = new ArrayList<>();
		for (String line : policyText.split("\r?\n")) {
			int colon = line.indexOf(':');
			if (line.isBlank()) {
				continue;
			}
			if (colon < 0) {
				return Optional.empty();
			}
			String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
			String value = line.substring(colon + 1).strip();
			switch (key) {
				case "version" -> version = value;
				case "mode" -> mode = value;
				case "mx" -> mx.add(value);
				case "max_age" -> maxAge = parseLong(value);
				default -> {
					return Optional.empty();
				}
			}
		}
		if (!"STSv1".equals(version) || !MODES.contains(mode) || maxAge == null || mx.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new MtaStsPolicy(mode, mx, maxAge));
	}

	/**
	 * The policy text a Caddyfile serves for a mail domain: the body of the
	 * {@code respond} of the {@code mta-sts.<domain>} site that starts with
	 * {@code version: STSv1}.
	 * @param caddyfile the Caddyfile's bytes
	 * @param domain the mail domain, e.g. {@code example.org}
	 * @return the text, or empty when no site serves a policy for that domain (or the
	 * Caddyfile cannot be read)
	 */
	public static Optional<String> servedBy(byte[] caddyfile, String domain) {
		try {
			return servedBy(Caddyfile.parse(caddyfile), domain);
		}
		catch (CaddyfileSyntaxException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The policy text a parsed Caddyfile serves for a mail domain.
	 * @param file the Caddyfile
	 * @param domain e.g. {@code example.org}
	 * @return the policy text, or empty when no {@code mta-sts.<domain>} site serves one
	 */
	public static Optional<String> servedBy(Caddyfile file, String domain) {
		return Optional.ofNullable(servedByHost(file).get("mta-sts." + domain.toLowerCase(Locale.ROOT)));
	}

	/**
	 * Every policy text a parsed Caddyfile serves, by the host of its site; the first
	 * site of a host that serves a policy serves it, as Caddy picks the first.
	 * @param file the Caddyfile
	 * @return the policy texts, by site host (e.g. {@code mta-sts.example.org})
	 */
	static Map<String, String> servedByHost(Caddyfile file) {
		Map<String, String> byHost = new HashMap<>();
		for (Caddyfile.Block block : file.blocks()) {
			SiteBlocks.policyText(block)
				.ifPresent(
						(policy) -> block.keys().forEach((key) -> byHost.putIfAbsent(SiteBlocks.hostOf(key), policy)));
		}
		return Map.copyOf(byHost);
	}

	private static Long parseLong(String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
