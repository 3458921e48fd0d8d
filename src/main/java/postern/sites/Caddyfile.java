package postern.sites;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Caddyfile as its text: a list of top-level blocks, each keeping its exact bytes (with
 * the blank lines and comments in front of it), then whatever follows the last block.
 * Printing an unedited file gives back the same text, and an edit replaces the text of
 * one block only.
 * <p>
 * The tokenizer follows Caddy's own rules (quoted strings with {@code \"}, backtick
 * strings, heredocs, comments at the start of a token, line continuations, braces), and
 * each block's directives are read into {@link Segment segments} for the site model.
 * Placeholders, imports and snippets are kept as written, never expanded.
 */
public final class Caddyfile {

	private static final Pattern HEREDOC_MARKER = Pattern.compile("[A-Za-z0-9_-]+");

	private final List<Block> blocks;

	private final String tail;

	private Caddyfile(List<Block> blocks, String tail) {
		this.blocks = List.copyOf(blocks);
		this.tail = tail;
	}

	/**
	 * Read a Caddyfile from its bytes.
	 * @param bytes the file, UTF-8
	 * @return the parsed file
	 * @throws CaddyfileSyntaxException when the bytes are not UTF-8 or the blocks cannot
	 * be found
	 */
	public static Caddyfile parse(byte[] bytes) {
		try {
			return parse(StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString());
		}
		catch (CharacterCodingException ex) {
			throw new CaddyfileSyntaxException(1, "the file is not UTF-8 text");
		}
	}

	/**
	 * Read a Caddyfile from its text.
	 * @param text the file
	 * @return the parsed file
	 * @throws CaddyfileSyntaxException when the blocks cannot be found
	 */
	public static Caddyfile parse(String text) {
		List<Token> tokens = new Lexer(text).tokens();
		return new Parser(text, tokens).file();
	}

	/**
	 * The top-level blocks, in order: global options, snippets, sites.
	 * @return the blocks
	 */
	public List<Block> blocks() {
		return this.blocks;
	}

	/**
	 * The text after the last block (blank lines, comments).
	 * @return the trailing text
	 */
	public String tail() {
		return this.tail;
	}

	/**
	 * The block whose first key is given.
	 * @param firstKey an address, or {@code (name)} for a snippet
	 * @return the block, if there is one
	 */
	public Optional<Block> block(String firstKey) {
		return this.blocks.stream().filter((block) -> firstKey.equals(block.id())).findFirst();
	}

	/**
	 * The global options block.
	 * @return the block, if the file has one
	 */
	public Optional<Block> globalOptions() {
		return this.blocks.stream().filter((block) -> block.kind() == BlockKind.GLOBAL).findFirst();
	}

	/**
	 * The file's text, byte for byte as read for the parts not edited.
	 * @return the text
	 */
	public String print() {
		StringBuilder text = new StringBuilder();
		for (Block block : this.blocks) {
			text.append(block.raw());
		}
		return text.append(this.tail).toString();
	}

	/**
	 * The file's bytes.
	 * @return {@link #print()} in UTF-8
	 */
	public byte[] bytes() {
		return print().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The line separator the file uses.
	 * @return {@code \r\n} when the file has Windows line ends, else {@code \n}
	 */
	public String lineSeparator() {
		String text = print();
		int newline = text.indexOf('\n');
		return (newline > 0 && text.charAt(newline - 1) == '\r') ? "\r\n" : "\n";
	}

	/**
	 * One level of indentation as the file writes it: the most common indentation of the
	 * directives of its braced blocks.
	 * @return a tab, or the spaces the file uses
	 */
	public String indent() {
		java.util.Map<String, Integer> counts = new java.util.HashMap<>();
		for (Block block : this.blocks) {
			if (block.braced()) {
				for (Segment segment : block.segments()) {
					block.indentOf(segment.tokens().get(0))
						.filter((indent) -> !indent.isEmpty())
						.ifPresent((indent) -> counts.merge(indent, 1, Integer::sum));
				}
			}
		}
		return counts.entrySet()
			.stream()
			.max(java.util.Map.Entry.<String, Integer>comparingByValue()
				.thenComparing((entry) -> entry.getKey().equals("\t")))
			.map(java.util.Map.Entry::getKey)
			.orElse("\t");
	}

	/**
	 * The file with one block's keys and body replaced; the comments and blank lines in
	 * front of it stay.
	 * @param block a block of this file
	 * @param text the new block, from its first key to its closing brace
	 * @return the edited file
	 * @throws CaddyfileSyntaxException when the text is not exactly one block
	 */
	public Caddyfile replace(Block block, String text) {
		int index = indexOf(block);
		String raw = block.leading() + text + (block.raw().endsWith("\n") ? lineSeparator() : "");
		return replaceRaw(index, raw);
	}

	/**
	 * The file with one block's whole text replaced, the lines in front of it included.
	 * @param block a block of this file
	 * @param raw its new text, as {@link Block#raw()}
	 * @return the edited file
	 * @throws CaddyfileSyntaxException when the text is not exactly one block
	 */
	Caddyfile replaceRaw(Block block, String raw) {
		return replaceRaw(indexOf(block), raw);
	}

	private Caddyfile replaceRaw(int index, String raw) {
		// Only the last block may go without braces: it runs to the end of the file
		boolean last = index == this.blocks.size() - 1;
		List<Block> edited = new ArrayList<>(this.blocks);
		edited.set(index, single(raw, index == 0, last));
		return new Caddyfile(edited, this.tail);
	}

	/**
	 * The file without a block, and without the comments and blank lines in front of it.
	 * @param block a block of this file
	 * @return the edited file
	 */
	public Caddyfile remove(Block block) {
		List<Block> edited = new ArrayList<>(this.blocks);
		edited.remove(indexOf(block));
		return new Caddyfile(edited, this.tail);
	}

	/**
	 * The file with a new block at its end, after a blank line. A site written without
	 * braces (legal only while it is the last block) gets them first: {@code " {"} at the
	 * end of its address line and a {@code "}"} line after its last directive, nothing
	 * else.
	 * @param text the new block, from its first key to its closing brace
	 * @return the edited file
	 * @throws CaddyfileSyntaxException when the text is not exactly one block
	 */
	public Caddyfile append(String text) {
		String separator = lineSeparator();
		List<Block> edited = new ArrayList<>(this.blocks);
		if (!edited.isEmpty() && !edited.get(edited.size() - 1).braced()
				&& edited.get(edited.size() - 1).kind() == BlockKind.SITE) {
			Block unbraced = edited.get(edited.size() - 1);
			edited.set(edited.size() - 1, single(withBraces(unbraced, separator), edited.size() == 1, false));
		}
		String before = new Caddyfile(edited, "").print();
		String leading = this.tail;
		String all = before + leading;
		if (!all.isEmpty()) {
			if (!all.endsWith("\n")) {
				leading += separator;
			}
			if (!all.endsWith("\n\n") && !all.endsWith("\n\r\n")) {
				leading += separator;
			}
		}
		edited.add(single(leading + text + separator, edited.isEmpty(), false));
		return new Caddyfile(edited, "");
	}

	/**
	 * An unbraced site's text with its braces: {@code " {"} right after its last address,
	 * a closing brace on a line of its own after its last directive.
	 */
	private static String withBraces(Block block, String separator) {
		String raw = block.raw();
		Token lastKey = block.keyTokens().get(block.keyTokens().size() - 1);
		int afterKeys = lastKey.end() - block.offset();
		String closing = (raw.endsWith("\n") ? "" : separator) + "}" + separator;
		return raw.substring(0, afterKeys) + " {" + raw.substring(afterKeys) + closing;
	}

	private int indexOf(Block block) {
		for (int i = 0; i < this.blocks.size(); i++) {
			if (this.blocks.get(i) == block) {
				return i;
			}
		}
		throw new IllegalArgumentException("Not a block of this file: " + block.id());
	}

	private static Block single(String raw, boolean first, boolean mayGoWithoutBraces) {
		Caddyfile parsed = parse(raw);
		if (parsed.blocks().size() != 1 || !parsed.tail().isBlank()) {
			throw new CaddyfileSyntaxException(1, "the text must be exactly one block");
		}
		Block block = parsed.blocks().get(0);
		if (block.kind() == BlockKind.GLOBAL && !first) {
			throw new CaddyfileSyntaxException(1, "a block without keys is the global options block");
		}
		if (!block.braced() && !mayGoWithoutBraces) {
			throw new CaddyfileSyntaxException(1, "a block needs braces");
		}
		// The tail of a block's text (a comment after an unbraced site) stays with it
		return new Block(block.raw() + parsed.tail(), block.keyStart(), block.keys(), block.kind(), block.segments(),
				block.braced(), block.startLine(), block.offset(), block.keyTokens());
	}

	/**
	 * What a top-level block is.
	 */
	public enum BlockKind {

		/** The global options block, the first block without keys. */
		GLOBAL,

		/** A snippet, {@code (name) { ... }}. */
		SNIPPET,

		/** A named route, {@code &(name) { ... }}. */
		NAMED_ROUTE,

		/** An {@code import} line at the top level. */
		IMPORT,

		/** A site, with its addresses as keys. */
		SITE

	}

	/**
	 * A token: its text as written and its value.
	 *
	 * @param type how it was written
	 * @param raw the exact text in the file
	 * @param value the value Caddy reads (quotes and escapes removed)
	 * @param line the line it starts on, from 1
	 * @param newLine whether a line break (not a continued line) comes before it
	 * @param start where it starts in the text
	 * @param end where it ends in the text
	 */
	public record Token(TokenType type, String raw, String value, int line, boolean newLine, int start, int end) {

		boolean isOpen() {
			return this.type == TokenType.WORD && "{".equals(this.raw);
		}

		boolean isClose() {
			return this.type == TokenType.WORD && "}".equals(this.raw);
		}

	}

	/**
	 * How a token was written.
	 */
	public enum TokenType {

		/** Plain text. */
		WORD,

		/** In double quotes. */
		QUOTED,

		/** In backticks. */
		BACKTICK,

		/** A heredoc, {@code <<MARKER}. */
		HEREDOC

	}

	/**
	 * One line of a block: a directive (or option, or matcher) with its arguments and an
	 * optional block of its own.
	 *
	 * @param tokens the directive's name and arguments
	 * @param block the segments of its block, empty for none
	 * @param braced whether it has a block (possibly empty)
	 */
	public record Segment(List<Token> tokens, List<Segment> block, boolean braced, Token close) {

		Segment(List<Token> tokens, List<Segment> block, boolean braced) {
			this(tokens, block, braced, null);
		}

		/**
		 * The last token of the segment: its closing brace, or its last argument.
		 * @return the token
		 */
		public Token last() {
			return (this.close != null) ? this.close : this.tokens.get(this.tokens.size() - 1);
		}

		/**
		 * The directive's name.
		 * @return the value of the first token
		 */
		public String name() {
			return this.tokens.get(0).value();
		}

		/**
		 * The values of the arguments.
		 * @return every value after the name
		 */
		public List<String> args() {
			return this.tokens.subList(1, this.tokens.size()).stream().map(Token::value).toList();
		}

	}

	/**
	 * A top-level block.
	 *
	 * @param raw its exact text, from the end of the block before to the line end after
	 * its closing brace
	 * @param keyStart where its first key (or opening brace) starts in {@code raw}
	 * @param keys its keys (addresses), commas removed
	 * @param kind what it is
	 * @param segments its directives
	 * @param braced whether its body is in braces (only a single-site file may go
	 * without)
	 * @param startLine the line its first key is on, from 1
	 * @param offset where {@code raw} starts in the text its tokens were read from (a
	 * token of the block starts at {@code token.start() - offset} in {@code raw})
	 * @param keyTokens the tokens of its keys, as written
	 */
	public record Block(String raw, int keyStart, List<String> keys, BlockKind kind, List<Segment> segments,
			boolean braced, int startLine, int offset, List<Token> keyTokens) {

		/**
		 * The block's id in the panel: its first key.
		 * @return the first address, {@code (name)} for a snippet, empty for the global
		 * options
		 */
		public String id() {
			return this.keys.isEmpty() ? "" : this.keys.get(0);
		}

		/**
		 * The blank lines and comments in front of the block.
		 * @return the leading text
		 */
		public String leading() {
			return this.raw.substring(0, this.keyStart);
		}

		/**
		 * The block itself, from its first key to its closing brace.
		 * @return the text without the leading lines and final line end
		 */
		public String text() {
			String text = this.raw.substring(this.keyStart);
			int end = text.length();
			while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
				end--;
			}
			return text.substring(0, end);
		}

		/**
		 * The whitespace in front of a token of this block, when it is the first on its
		 * line.
		 * @param token a token of this block
		 * @return the indentation, or empty when other text comes before the token
		 */
		public Optional<String> indentOf(Token token) {
			int start = token.start() - this.offset;
			int lineStart = this.raw.lastIndexOf('\n', start - 1) + 1;
			String before = this.raw.substring(lineStart, start);
			return before.isBlank() ? Optional.of(before) : Optional.empty();
		}

		/**
		 * The segments with a given name.
		 * @param name a directive or option name
		 * @return those segments, in order
		 */
		public List<Segment> segments(String name) {
			return this.segments.stream().filter((segment) -> name.equals(segment.name())).toList();
		}

	}

	/**
	 * Splits the text into tokens, following Caddy's lexer, and remembers where each
	 * token is.
	 */
	private static final class Lexer {

		private final String text;

		private final int length;

		private int position;

		private int line = 1;

		Lexer(String text) {
			this.text = text;
			this.length = text.length();
		}

		List<Token> tokens() {
			List<Token> tokens = new ArrayList<>();
			if (this.length > 0 && this.text.charAt(0) == '\uFEFF') {
				this.position = 1;
			}
			boolean newLine = true;
			while (true) {
				newLine |= skipSpace();
				if (this.position >= this.length) {
					return tokens;
				}
				tokens.add(token(newLine));
				newLine = false;
			}
		}

		/**
		 * Skip whitespace, comments and line continuations.
		 * @return whether a line break was skipped
		 */
		private boolean skipSpace() {
			boolean newLine = false;
			while (this.position < this.length) {
				char c = this.text.charAt(this.position);
				if (c == '\n') {
					newLine = true;
					this.line++;
					this.position++;
				}
				else if (isSpace(c)) {
					this.position++;
				}
				else if (c == '#') {
					while (this.position < this.length && this.text.charAt(this.position) != '\n') {
						this.position++;
					}
				}
				else if (c == '\\' && continuation(this.position)) {
					this.position = this.text.indexOf('\n', this.position) + 1;
					this.line++;
				}
				else {
					break;
				}
			}
			return newLine;
		}

		private boolean continuation(int backslash) {
			int next = backslash + 1;
			if (next < this.length && this.text.charAt(next) == '\r') {
				next++;
			}
			return next < this.length && this.text.charAt(next) == '\n';
		}

		private Token token(boolean newLine) {
			int start = this.position;
			int startLine = this.line;
			char c = this.text.charAt(start);
			if (c == '"') {
				return quoted(start, startLine, newLine);
			}
			if (c == '`') {
				int close = this.text.indexOf('`', start + 1);
				if (close < 0) {
					throw new CaddyfileSyntaxException(startLine, "unterminated backtick string");
				}
				String value = this.text.substring(start + 1, close);
				this.line += count(value, '\n');
				this.position = close + 1;
				return new Token(TokenType.BACKTICK, this.text.substring(start, this.position), value.replace("\r", ""),
						startLine, newLine, start, this.position);
			}
			if (this.text.startsWith("<<", start)) {
				Token heredoc = heredoc(start, startLine, newLine);
				if (heredoc != null) {
					return heredoc;
				}
			}
			StringBuilder value = new StringBuilder();
			while (this.position < this.length) {
				char ch = this.text.charAt(this.position);
				if (isSpace(ch) || (ch == '\\' && continuation(this.position))) {
					break;
				}
				if (ch != '\r') {
					value.append(ch);
				}
				this.position++;
			}
			return new Token(TokenType.WORD, this.text.substring(start, this.position), value.toString(), startLine,
					newLine, start, this.position);
		}

		private Token quoted(int start, int startLine, boolean newLine) {
			StringBuilder value = new StringBuilder();
			int i = start + 1;
			while (i < this.length) {
				char ch = this.text.charAt(i);
				if (ch == '\\' && i + 1 < this.length && this.text.charAt(i + 1) == '"') {
					value.append('"');
					i += 2;
					continue;
				}
				if (ch == '"') {
					this.position = i + 1;
					return new Token(TokenType.QUOTED, this.text.substring(start, this.position), value.toString(),
							startLine, newLine, start, this.position);
				}
				if (ch == '\n') {
					this.line++;
				}
				if (ch != '\r') {
					value.append(ch);
				}
				i++;
			}
			throw new CaddyfileSyntaxException(startLine, "unterminated quoted string");
		}

		/**
		 * A heredoc, {@code <<MARKER} then a line break, or {@code null} when the text is
		 * an ordinary token that starts with {@code <<}.
		 */
		private Token heredoc(int start, int startLine, boolean newLine) {
			int lineEnd = this.text.indexOf('\n', start);
			if (lineEnd < 0) {
				return null;
			}
			int markerEnd = (lineEnd > start && this.text.charAt(lineEnd - 1) == '\r') ? lineEnd - 1 : lineEnd;
			String marker = this.text.substring(start + 2, markerEnd);
			if (!HEREDOC_MARKER.matcher(marker).matches()) {
				return null;
			}
			int lineStart = lineEnd + 1;
			int lines = 1;
			List<String> body = new ArrayList<>();
			while (lineStart <= this.length) {
				int next = this.text.indexOf('\n', lineStart);
				int end = (next < 0) ? this.length : next;
				String bodyLine = this.text.substring(lineStart, end);
				String stripped = bodyLine.stripLeading();
				int indent = bodyLine.length() - stripped.length();
				if (stripped.startsWith(marker)) {
					this.position = lineStart + indent + marker.length();
					this.line += lines;
					String prefix = bodyLine.substring(0, indent);
					StringBuilder value = new StringBuilder();
					for (String each : body) {
						String content = each.endsWith("\r") ? each.substring(0, each.length() - 1) : each;
						if (!content.isEmpty() && !content.startsWith(prefix)) {
							throw new CaddyfileSyntaxException(startLine, "mismatched leading whitespace in heredoc");
						}
						if (!value.isEmpty()) {
							value.append('\n');
						}
						value.append(content.isEmpty() ? content : content.substring(prefix.length()));
					}
					return new Token(TokenType.HEREDOC, this.text.substring(start, this.position), value.toString(),
							startLine, newLine, start, this.position);
				}
				body.add(bodyLine);
				lines++;
				if (next < 0) {
					break;
				}
				lineStart = next + 1;
			}
			throw new CaddyfileSyntaxException(startLine, "heredoc marker " + marker + " is never closed");
		}

		private static int count(String value, char c) {
			int count = 0;
			for (int i = 0; i < value.length(); i++) {
				if (value.charAt(i) == c) {
					count++;
				}
			}
			return count;
		}

		/** Go's {@code unicode.IsSpace}, which Caddy's lexer uses. */
		static boolean isSpace(char c) {
			return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B' || c == '\u0085'
					|| c == '\u00A0' || (c > 0xff && Character.isSpaceChar(c));
		}

	}

	/**
	 * Groups tokens into top-level blocks and segments.
	 */
	private static final class Parser {

		private final String text;

		private final List<Token> tokens;

		private int next;

		private int textStart;

		Parser(String text, List<Token> tokens) {
			this.text = text;
			this.tokens = tokens;
		}

		Caddyfile file() {
			List<Block> blocks = new ArrayList<>();
			while (this.next < this.tokens.size()) {
				blocks.add(block(blocks.isEmpty()));
			}
			return new Caddyfile(blocks, this.text.substring(this.textStart));
		}

		private Block block(boolean first) {
			Token firstToken = this.tokens.get(this.next);
			if ("import".equals(firstToken.raw())) {
				return importLine(firstToken);
			}
			List<String> keys = new ArrayList<>();
			List<Token> keyTokens = new ArrayList<>();
			if (!firstToken.isOpen()) {
				boolean more = true;
				while (this.next < this.tokens.size()) {
					Token token = this.tokens.get(this.next);
					if (token.isOpen()) {
						break;
					}
					if (token.isClose()) {
						throw new CaddyfileSyntaxException(token.line(), "unexpected '}'");
					}
					if (!keys.isEmpty() && token.newLine() && !more) {
						break;
					}
					String value = token.value();
					if (token.type() == TokenType.WORD && value.endsWith("{")) {
						// Caddy's own refusal: "Site addresses cannot end with a curly
						// brace"
						throw new CaddyfileSyntaxException(token.line(),
								"expected a space between '" + value.substring(0, value.length() - 1) + "' and '{'");
					}
					keyTokens.add(token);
					more = value.endsWith(",");
					for (String key : value.split(",")) {
						if (!key.isEmpty()) {
							keys.add(key);
						}
					}
					this.next++;
				}
			}
			else if (!first) {
				throw new CaddyfileSyntaxException(firstToken.line(),
						"a block without keys is the global options block and must come first");
			}
			BlockKind kind = kind(keys);
			if (this.next >= this.tokens.size() || !this.tokens.get(this.next).isOpen()) {
				return unbraced(firstToken, keys, keyTokens, kind);
			}
			int open = this.next;
			int close = matching(open);
			List<Segment> segments = segments(open + 1, close);
			this.next = close + 1;
			return block(firstToken, keys, keyTokens, kind, segments, true, this.tokens.get(close));
		}

		/**
		 * A site without braces (Caddy's single-site form): every directive up to the end
		 * of the file is its body. Comments and blank lines after its last directive are
		 * the file's tail, so that a closing brace can go right after that directive.
		 */
		private Block unbraced(Token firstToken, List<String> keys, List<Token> keyTokens, BlockKind kind) {
			if (kind != BlockKind.SITE) {
				throw new CaddyfileSyntaxException(firstToken.line(), "expected '{' after " + keys.get(0));
			}
			List<Segment> segments = segments(this.next, this.tokens.size());
			this.next = this.tokens.size();
			Token last = this.tokens.get(this.tokens.size() - 1);
			return block(firstToken, keys, keyTokens, kind, segments, false, last);
		}

		private Block block(Token firstToken, List<String> keys, List<Token> keyTokens, BlockKind kind,
				List<Segment> segments, boolean braced, Token last) {
			int end = lineEnd(last.end());
			String raw = this.text.substring(this.textStart, end);
			int keyStart = firstToken.start() - this.textStart;
			Block block = new Block(raw, keyStart, List.copyOf(keys), kind, segments, braced, firstToken.line(),
					this.textStart, List.copyOf(keyTokens));
			this.textStart = end;
			return block;
		}

		/**
		 * An {@code import} at the top level: one line, kept as a block of its own.
		 */
		private Block importLine(Token firstToken) {
			List<Token> words = new ArrayList<>();
			words.add(firstToken);
			this.next++;
			while (this.next < this.tokens.size() && !this.tokens.get(this.next).newLine()) {
				words.add(this.tokens.get(this.next++));
			}
			int end = lineEnd(words.get(words.size() - 1).end());
			String raw = this.text.substring(this.textStart, end);
			int keyStart = firstToken.start() - this.textStart;
			int offset = this.textStart;
			this.textStart = end;
			Segment segment = new Segment(List.copyOf(words), List.of(), false);
			Block block = new Block(raw, keyStart, List.of(), BlockKind.IMPORT, List.of(segment), false,
					firstToken.line(), offset, List.of());
			return block;
		}

		private static BlockKind kind(List<String> keys) {
			if (keys.isEmpty()) {
				return BlockKind.GLOBAL;
			}
			String key = keys.get(0);
			if (keys.size() == 1 && key.startsWith("(") && key.endsWith(")")) {
				return BlockKind.SNIPPET;
			}
			if (keys.size() == 1 && key.startsWith("&(") && key.endsWith(")")) {
				return BlockKind.NAMED_ROUTE;
			}
			return BlockKind.SITE;
		}

		/**
		 * The end of the line a closing brace is on, its line break included, when only
		 * spaces and a comment follow it.
		 */
		private int lineEnd(int from) {
			int i = from;
			while (i < this.text.length() && this.text.charAt(i) != '\n' && Lexer.isSpace(this.text.charAt(i))) {
				i++;
			}
			if (i < this.text.length() && this.text.charAt(i) == '#') {
				while (i < this.text.length() && this.text.charAt(i) != '\n') {
					i++;
				}
			}
			if (i < this.text.length() && this.text.charAt(i) == '\n') {
				return i + 1;
			}
			return (i == this.text.length()) ? i : from;
		}

		private int matching(int open) {
			int depth = 0;
			for (int i = open; i < this.tokens.size(); i++) {
				Token token = this.tokens.get(i);
				if (token.isOpen()) {
					depth++;
				}
				else if (token.isClose()) {
					depth--;
					if (depth == 0) {
						return i;
					}
				}
			}
			throw new CaddyfileSyntaxException(this.tokens.get(open).line(), "'{' is never closed");
		}

		private List<Segment> segments(int from, int to) {
			List<Segment> segments = new ArrayList<>();
			int i = from;
			while (i < to) {
				Token first = this.tokens.get(i);
				if (first.isClose()) {
					throw new CaddyfileSyntaxException(first.line(), "unexpected '}'");
				}
				if (first.isOpen()) {
					// A brace on a line of its own: kept as a block without a name.
					int close = matching(i);
					segments.add(new Segment(List.of(first), segments(i + 1, close), true, this.tokens.get(close)));
					i = close + 1;
					continue;
				}
				List<Token> words = new ArrayList<>();
				words.add(first);
				i++;
				while (i < to && !this.tokens.get(i).newLine() && !this.tokens.get(i).isOpen()) {
					if (this.tokens.get(i).isClose()) {
						throw new CaddyfileSyntaxException(this.tokens.get(i).line(), "unexpected '}'");
					}
					words.add(this.tokens.get(i));
					i++;
				}
				if (i < to && this.tokens.get(i).isOpen() && !this.tokens.get(i).newLine()) {
					int close = matching(i);
					segments.add(new Segment(List.copyOf(words), segments(i + 1, close), true, this.tokens.get(close)));
					i = close + 1;
				}
				else {
					segments.add(new Segment(List.copyOf(words), List.of(), false));
				}
			}
			return List.copyOf(segments);
		}

	}

}
