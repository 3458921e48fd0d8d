package postern.sites;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import postern.sites.Caddyfile.Block;
import postern.sites.Caddyfile.Segment;
import postern.sites.Caddyfile.Token;

/**
 * A form's edit of a site as the smallest change of its block's text: each value the
 * admin changed replaces the tokens that hold it, a directive turned on gets a line of
 * its own, one turned off loses its lines, and every other byte (order, indentation,
 * comments, line breaks in an address list, values the form does not show) stays. A save
 * with no change gives back the same text.
 */
final class SiteEdits {

	private final Block block;

	private final SiteBlocks.Style style;

	private final List<Splice> splices = new ArrayList<>();

	private SiteEdits(Block block, SiteBlocks.Style style) {
		this.block = block;
		this.style = style;
	}

	/**
	 * The file with a site's block edited from what it holds to what the form asks.
	 * @param file the Caddyfile
	 * @param block the site's block, read by {@link SiteBlocks#read} as {@code current}
	 * @param current the site as read
	 * @param wanted the site as the form asks, of the same kind
	 * @param style the file's layout
	 * @return the edited file, the same bytes when nothing changed
	 */
	static Caddyfile apply(Caddyfile file, Block block, Site current, Site wanted, SiteBlocks.Style style) {
		SiteEdits edits = new SiteEdits(block, style);
		edits.addresses(current, wanted);
		switch (wanted.kind()) {
			case STATIC -> edits.staticSite(current, wanted);
			case PROXY -> edits.proxy(current, wanted);
			case REDIRECT -> edits.redirect(current, wanted);
			case MTA_STS -> edits.policy(current, wanted);
			case OTHER -> throw new IllegalArgumentException("Postern does not edit blocks of kind other");
		}
		return edits.splices.isEmpty() ? file : file.replaceRaw(block, edits.text());
	}

	private void addresses(Site current, Site wanted) {
		List<String> before = current.addresses().stream().map((key) -> key.toLowerCase(Locale.ROOT)).toList();
		List<String> after = wanted.addresses().stream().map((key) -> key.toLowerCase(Locale.ROOT)).toList();
		if (!before.equals(after)) {
			List<Token> keys = this.block.keyTokens();
			replace(keys.get(0), keys.get(keys.size() - 1), String.join(" ", wanted.addresses()));
		}
	}

	private void staticSite(Site current, Site wanted) {
		Segment fileServer = only("file_server");
		if (!Objects.equals(current.root(), wanted.root())) {
			Segment root = only("root");
			replace(root.last(), root.last(), SiteBlocks.quote(wanted.root()));
		}
		if (current.browse() != wanted.browse()) {
			replace(fileServer.tokens().get(0), fileServer.last(),
					wanted.browse() ? "file_server browse" : "file_server");
		}
		encodeAndUser(current, wanted, fileServer);
	}

	private void proxy(Site current, Site wanted) {
		Segment proxy = only("reverse_proxy");
		if (!current.upstreams().equals(wanted.upstreams())) {
			replace(proxy.tokens().get(1), proxy.last(),
					String.join(" ", wanted.upstreams().stream().map(SiteBlocks::quote).toList()));
		}
		encodeAndUser(current, wanted, proxy);
	}

	private void redirect(Site current, Site wanted) {
		Segment redir = only("redir");
		Token target = redir.tokens().get(1);
		if (!current.redirectTo().equals(wanted.redirectTo())) {
			replace(target, target, SiteBlocks.quote(wanted.redirectTo()));
		}
		if (current.redirectStatus().equals(wanted.redirectStatus())) {
			return;
		}
		if (redir.tokens().size() < 3) {
			insertAt(target.end(), " " + wanted.redirectStatus());
		}
		else if (wanted.redirectStatus().isEmpty()) {
			this.splices.add(new Splice(target.end(), redir.last().end(), ""));
		}
		else {
			replace(redir.last(), redir.last(), wanted.redirectStatus());
		}
	}

	private void policy(Site current, Site wanted) {
		if (current.policy().equals(wanted.policy())) {
			return;
		}
		for (Segment respond : this.block.segments("respond")) {
			for (Token token : respond.tokens()) {
				if (token.value().startsWith("version: STSv1")) {
					String text = SiteBlocks.quote(wanted.policy().text()).replace("\n", this.style.lineSeparator());
					replace(token, token, text);
					return;
				}
			}
		}
	}

	/**
	 * Compression and the basic-auth user, which static sites and proxies share; a new
	 * directive goes in front of the site's main one.
	 */
	private void encodeAndUser(Site current, Site wanted, Segment main) {
		String indent = this.block.indentOf(main.tokens().get(0)).orElse(this.style.indent());
		if (current.gzip() != wanted.gzip()) {
			if (wanted.gzip()) {
				insertLine(main, indent + "encode gzip");
			}
			else {
				removeLines(only("encode"));
			}
		}
		if (Objects.equals(current.user(), wanted.user())) {
			return;
		}
		Segment auth = this.block.segments()
			.stream()
			.filter((segment) -> SiteBlocks.isBasicAuth(segment.name()))
			.findFirst()
			.orElse(null);
		if (wanted.user() == null) {
			removeLines(auth);
		}
		else if (auth == null) {
			String separator = this.style.lineSeparator();
			insertLine(main, indent + this.style.basicAuth() + " {" + separator + indent + this.style.indent()
					+ userLine(wanted.user()) + separator + indent + "}");
		}
		else {
			Segment user = auth.block().get(0);
			replace(user.tokens().get(0), user.last(), userLine(wanted.user()));
		}
	}

	private static String userLine(Site.User user) {
		return user.name() + " " + user.hash();
	}

	private Segment only(String name) {
		return this.block.segments(name).get(0);
	}

	private void replace(Token first, Token last, String text) {
		this.splices.add(new Splice(first.start(), last.end(), text));
	}

	private void insertAt(int position, String text) {
		this.splices.add(new Splice(position, position, text));
	}

	/** A line of its own in front of a segment's line. */
	private void insertLine(Segment before, String line) {
		int start = lineStart(before.tokens().get(0));
		insertAt(start, line + this.style.lineSeparator());
	}

	/** A segment's lines, from the start of its first to the line end after its last. */
	private void removeLines(Segment segment) {
		Token first = segment.tokens().get(0);
		int start = this.block.indentOf(first).isPresent() ? lineStart(first) : first.start();
		int end = segment.last().end();
		String raw = this.block.raw();
		int relative = end - this.block.offset();
		int lineEnd = raw.indexOf('\n', relative);
		if (start != first.start() && lineEnd >= 0 && raw.substring(relative, lineEnd).isBlank()) {
			end = lineEnd + 1 + this.block.offset();
		}
		this.splices.add(new Splice(start, end, ""));
	}

	private int lineStart(Token token) {
		int relative = token.start() - this.block.offset();
		return this.block.raw().lastIndexOf('\n', relative - 1) + 1 + this.block.offset();
	}

	/** The block's text with every splice made, the last first so positions hold. */
	private String text() {
		StringBuilder text = new StringBuilder(this.block.raw());
		this.splices.stream().sorted(Comparator.comparingInt(Splice::start).reversed()).forEach((splice) -> {
			int offset = this.block.offset();
			text.replace(splice.start() - offset, splice.end() - offset, splice.text());
		});
		return text.toString();
	}

	/**
	 * Text put in place of the characters from {@code start} to {@code end}, positions as
	 * the block's tokens count them.
	 */
	private record Splice(int start, int end, String text) {
	}

}
