package postern.sites;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import postern.sites.Caddyfile.Block;
import postern.sites.Caddyfile.BlockKind;
import postern.sites.Caddyfile.Segment;

/**
 * Reads a {@link Site} from a Caddyfile block, and writes one as block text. A block is
 * read as one of Postern's kinds only when it holds nothing else, so that writing it back
 * loses nothing but its inner comments and layout.
 */
final class SiteBlocks {

	static final String POLICY_PATH = "/.well-known/mta-sts.txt";

	private static final Set<String> STATIC_DIRECTIVES = Set.of("root", "file_server", "encode", "basicauth",
			"basic_auth");

	private static final Set<String> PROXY_DIRECTIVES = Set.of("reverse_proxy", "encode", "basicauth", "basic_auth");

	private static final Set<String> ENCODINGS = Set.of("gzip", "zstd");

	/**
	 * A redirect target the form can show and keep as it is ({@code {uri}} and other
	 * placeholders included), though a new value must fit {@link SiteValues#REDIRECT_TO}.
	 */
	private static final String KEPT_REDIRECT_TO = "(?i)https?://[^\\s\"\\\\`]+";

	private SiteBlocks() {
	}

	/**
	 * The host name of an address.
	 * @param address e.g. {@code https://www.example.org:8443}
	 * @return e.g. {@code www.example.org}
	 */
	static String hostOf(String address) {
		String host = address;
		int scheme = host.indexOf("://");
		if (scheme >= 0) {
			host = host.substring(scheme + 3);
		}
		int slash = host.indexOf('/');
		if (slash >= 0) {
			host = host.substring(0, slash);
		}
		if (host.startsWith("[")) {
			int close = host.indexOf(']');
			return host.substring(0, close + 1).toLowerCase(Locale.ROOT);
		}
		int colon = host.lastIndexOf(':');
		if (colon >= 0) {
			host = host.substring(0, colon);
		}
		return host.toLowerCase(Locale.ROOT);
	}

	/**
	 * The MTA-STS policy text a block serves.
	 * @param block a site block
	 * @return the body of its {@code respond} that starts with {@code version: STSv1}
	 */
	static Optional<String> policyText(Block block) {
		for (Segment segment : block.segments("respond")) {
			for (String arg : segment.args()) {
				if (arg.startsWith("version: STSv1")) {
					return Optional.of(arg);
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * The site a block holds.
	 * @param block a top-level block
	 * @return the site, of kind {@link SiteKind#OTHER} when Postern has no form for it
	 */
	static Site read(Block block) {
		try {
			Site site = readKind(block);
			return fitsTheForm(site) ? site : Site.other(block.keys());
		}
		catch (RuntimeException ex) {
			// A block in a shape no form was made for is still edited as text
			return Site.other(block.keys());
		}
	}

	/**
	 * Whether the form can show every value of a site exactly, so that saving it
	 * unchanged writes nothing: a value outside the form's shapes (a placeholder, a
	 * quoted path) leaves the block to the text editor.
	 */
	private static boolean fitsTheForm(Site site) {
		if (!site.kind().editable()) {
			return true;
		}
		boolean fits = SiteValues.matches(SiteValues.ADDRESSES, String.join(" ", site.addresses()))
				&& SiteValues.matches(SiteValues.REDIRECT_STATUS, site.redirectStatus())
				&& (site.user() == null || SiteValues.matches(SiteValues.USER, site.user().name()));
		return fits && switch (site.kind()) {
			case STATIC -> SiteValues.matches(SiteValues.ROOT, site.root());
			case PROXY -> SiteValues.matches(SiteValues.UPSTREAMS, String.join(" ", site.upstreams()));
			case REDIRECT -> SiteValues.matches(KEPT_REDIRECT_TO, site.redirectTo());
			case MTA_STS -> SiteValues.matches(SiteValues.MX_HOSTS, String.join(" ", site.policy().mx()));
			case OTHER -> true;
		};
	}

	private static Site readKind(Block block) {
		if (block.kind() != BlockKind.SITE || block.segments().isEmpty()) {
			return Site.other(block.keys());
		}
		Set<String> names = block.segments().stream().map(Segment::name).collect(Collectors.toSet());
		if (names.size() != block.segments().size() && !isMtaSts(block)) {
			return Site.other(block.keys());
		}
		if (names.contains("file_server") && STATIC_DIRECTIVES.containsAll(names)) {
			return readStatic(block).orElseGet(() -> Site.other(block.keys()));
		}
		if (names.contains("reverse_proxy") && PROXY_DIRECTIVES.containsAll(names)) {
			return readProxy(block).orElseGet(() -> Site.other(block.keys()));
		}
		if (names.equals(Set.of("redir"))) {
			return readRedirect(block).orElseGet(() -> Site.other(block.keys()));
		}
		if (isMtaSts(block)) {
			return policyText(block).flatMap(MtaStsPolicy::parse)
				.map((policy) -> new Site(SiteKind.MTA_STS, block.keys(), null, false, false, List.of(), null, null,
						policy, ""))
				.orElseGet(() -> Site.other(block.keys()));
		}
		return Site.other(block.keys());
	}

	private static boolean isMtaSts(Block block) {
		return block.keys().size() == 1 && hostOf(block.keys().get(0)).startsWith("mta-sts.")
				&& block.segments()
					.stream()
					.allMatch((segment) -> !segment.braced() && (segment.name().startsWith("@")
							|| segment.name().equals("header") || segment.name().equals("respond")));
	}

	private static Optional<Site> readStatic(Block block) {
		Segment root = only(block, "root");
		Segment fileServer = only(block, "file_server");
		if (root == null || root.braced() || fileServer == null || fileServer.braced()) {
			return Optional.empty();
		}
		List<String> rootArgs = root.args();
		String path;
		if (rootArgs.size() == 1) {
			path = rootArgs.get(0);
		}
		else if (rootArgs.size() == 2 && rootArgs.get(0).equals("*")) {
			path = rootArgs.get(1);
		}
		else {
			return Optional.empty();
		}
		List<String> serverArgs = fileServer.args();
		if (!serverArgs.isEmpty() && !serverArgs.equals(List.of("browse"))) {
			return Optional.empty();
		}
		Optional<Boolean> gzip = readEncode(block);
		Optional<Optional<Site.User>> user = readUser(block);
		if (gzip.isEmpty() || user.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Site(SiteKind.STATIC, block.keys(), path, !serverArgs.isEmpty(), gzip.get(), List.of(),
				null, user.get().orElse(null), null, ""));
	}

	private static Optional<Site> readProxy(Block block) {
		Segment proxy = only(block, "reverse_proxy");
		if (proxy == null || proxy.braced() || proxy.args().isEmpty()
				|| proxy.args()
					.stream()
					.anyMatch((arg) -> arg.startsWith("/") || arg.startsWith("@") || arg.equals("*"))) {
			return Optional.empty();
		}
		Optional<Boolean> gzip = readEncode(block);
		Optional<Optional<Site.User>> user = readUser(block);
		if (gzip.isEmpty() || user.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Site(SiteKind.PROXY, block.keys(), null, false, gzip.get(), proxy.args(), null,
				user.get().orElse(null), null, ""));
	}

	private static Optional<Site> readRedirect(Block block) {
		Segment redir = only(block, "redir");
		if (redir == null || redir.braced()) {
			return Optional.empty();
		}
		List<String> args = redir.args();
		boolean plain = args.size() == 1
				|| (args.size() == 2 && SiteValues.matches(SiteValues.REDIRECT_STATUS, args.get(1)));
		if (!plain || !(args.get(0).startsWith("https://") || args.get(0).startsWith("http://"))) {
			return Optional.empty();
		}
		String status = (args.size() == 2) ? args.get(1) : "";
		return Optional.of(new Site(SiteKind.REDIRECT, block.keys(), null, false, false, List.of(), args.get(0), null,
				null, status));
	}

	/** Whether responses are compressed; empty when {@code encode} has other options. */
	private static Optional<Boolean> readEncode(Block block) {
		Segment encode = only(block, "encode");
		if (encode == null) {
			return Optional.of(false);
		}
		if (encode.braced() || encode.args().isEmpty() || !ENCODINGS.containsAll(encode.args())) {
			return Optional.empty();
		}
		return Optional.of(true);
	}

	/** The one basic-auth user; empty when the directive has more than Postern writes. */
	private static Optional<Optional<Site.User>> readUser(Block block) {
		List<Segment> auth = block.segments().stream().filter((segment) -> isBasicAuth(segment.name())).toList();
		if (auth.isEmpty()) {
			return Optional.of(Optional.empty());
		}
		Segment directive = auth.get(0);
		if (auth.size() > 1 || !directive.args().isEmpty() || directive.block().size() != 1) {
			return Optional.empty();
		}
		Segment user = directive.block().get(0);
		if (user.braced() || user.tokens().size() != 2) {
			return Optional.empty();
		}
		return Optional.of(Optional.of(new Site.User(user.name(), user.args().get(0))));
	}

	static boolean isBasicAuth(String directive) {
		return "basicauth".equals(directive) || "basic_auth".equals(directive);
	}

	private static Segment only(Block block, String name) {
		List<Segment> segments = block.segments(name);
		return (segments.size() == 1) ? segments.get(0) : null;
	}

	/**
	 * Write a site as a block.
	 * @param site the site, its values already checked
	 * @param style how the file is laid out, and the basic-auth directive Caddy knows
	 * @return the block's text, from its first address to its closing brace
	 */
	static String write(Site site, Style style) {
		Lines lines = new Lines(style);
		lines.add(0, String.join(" ", site.addresses()) + " {");
		switch (site.kind()) {
			case STATIC -> {
				lines.add(1, "root * " + quote(site.root()));
				encode(lines, site);
				auth(lines, site, style);
				lines.add(1, site.browse() ? "file_server browse" : "file_server");
			}
			case PROXY -> {
				encode(lines, site);
				auth(lines, site, style);
				lines.add(1,
						"reverse_proxy " + String.join(" ", site.upstreams().stream().map(SiteBlocks::quote).toList()));
			}
			case REDIRECT -> lines.add(1, redir(site));
			case MTA_STS -> {
				lines.add(1, "@policy path " + POLICY_PATH);
				lines.add(1, "header @policy Content-Type \"text/plain; charset=utf-8\"");
				lines.add(1,
						"respond @policy " + quote(site.policy().text()).replace("\n", style.lineSeparator()) + " 200");
				lines.add(1, "respond 404");
			}
			case OTHER -> throw new IllegalArgumentException("Postern does not write blocks of kind other");
		}
		lines.add(0, "}");
		return lines.toString();
	}

	static String redir(Site site) {
		return "redir " + quote(site.redirectTo())
				+ (site.redirectStatus().isEmpty() ? "" : " " + site.redirectStatus());
	}

	private static void encode(Lines lines, Site site) {
		if (site.gzip()) {
			lines.add(1, "encode gzip");
		}
	}

	private static void auth(Lines lines, Site site, Style style) {
		if (site.user() != null) {
			lines.add(1, style.basicAuth() + " {");
			lines.add(2, site.user().name() + " " + site.user().hash());
			lines.add(1, "}");
		}
	}

	/**
	 * A value as a Caddyfile token: in double quotes, with {@code "} escaped, when it
	 * holds whitespace, a quote or a brace, or starts with {@code #}.
	 * @param value the value
	 * @return the token text
	 */
	static String quote(String value) {
		boolean plain = !value.isEmpty() && !value.startsWith("#") && !value.startsWith("<<") && value.chars()
			.noneMatch((c) -> c == '"' || c == '{' || c == '}' || c == '\\' || c == '`' || Character.isWhitespace(c));
		return plain ? value : "\"" + value.replace("\"", "\\\"") + "\"";
	}

	/**
	 * How a Caddyfile is laid out, and which spelling of basic auth the installed Caddy
	 * reads.
	 *
	 * @param indent one level of indentation
	 * @param lineSeparator the line end
	 * @param basicAuth {@code basicauth} (Caddy before 2.8) or {@code basic_auth}
	 */
	record Style(String indent, String lineSeparator, String basicAuth) {

		static Style of(Caddyfile file, String basicAuth) {
			return new Style(file.indent(), file.lineSeparator(), basicAuth);
		}

	}

	private static final class Lines {

		private final StringBuilder text = new StringBuilder();

		private final Style style;

		Lines(Style style) {
			this.style = style;
		}

		void add(int depth, String line) {
			if (!this.text.isEmpty()) {
				this.text.append(this.style.lineSeparator());
			}
			this.text.append(this.style.indent().repeat(depth)).append(line);
		}

		@Override
		public String toString() {
			return this.text.toString();
		}

	}

}
