package postern.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * maddy's configuration file, read and edited without losing a byte: comments, blank
 * lines, order and hand-written blocks stay as they are. Postern reads the macros
 * ({@code $(hostname)}, {@code $(primary_domain)}, {@code $(local_domains)}), adds and
 * removes local domains, and lists the steps of {@code table.chain local_rewrites}.
 * <p>
 * The syntax follows maddy's lexer: words separated by blanks, directives ended by a line
 * end, double-quoted strings with backslash escapes, {@code #} comments where a word
 * starts, and blocks between {@code {} and {@code }} words.
 */
public final class MaddyConf {

	/** The table whose steps rewrite recipients, in maddy's default configuration. */
	public static final String REWRITES_TABLE = "local_rewrites";

	private static final String LOCAL_DOMAINS = "local_domains";

	private static final Pattern MACRO_NAME = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

	private static final int MAX_MACRO_DEPTH = 10;

	private final String text;

	private final Map<String, String> environment;

	private final List<Directive> directives;

	/**
	 * The local domains, found at the first call: a parse is shared by every page while
	 * the file does not change, and most pages ask for them.
	 */
	private volatile List<String> localDomains;

	private MaddyConf(String text, Map<String, String> environment) {
		this.text = text;
		this.environment = Map.copyOf(environment);
		this.directives = new Parser(text, new Lexer(text).tokens()).directives();
	}

	/**
	 * Read a configuration whose environment Postern does not know.
	 * @param text the whole file
	 * @return the parsed file
	 * @throws MailFileException when braces do not balance or a string is not closed
	 */
	public static MaddyConf parse(String text) {
		return new MaddyConf(text, Map.of());
	}

	/**
	 * Read a configuration, with what Postern knows of the environment maddy runs in.
	 * @param text the whole file
	 * @param environment the variables {@code {env:NAME}} placeholders stand for
	 * @return the parsed file
	 * @throws MailFileException when braces do not balance or a string is not closed
	 */
	public static MaddyConf parse(String text, Map<String, String> environment) {
		return new MaddyConf(text, environment);
	}

	/**
	 * The file's text, byte for byte what was parsed, with any edits.
	 * @return the text
	 */
	public String text() {
		return this.text;
	}

	/**
	 * The words a macro stands for, with the macros it uses expanded and the environment
	 * placeholders Postern knows replaced.
	 * @param name the macro's name without {@code $( )}, e.g. {@code local_domains}
	 * @return its words; empty when it is not defined (as maddy expands it to nothing)
	 */
	public List<String> macro(String name) {
		return values(name).stream().map(MaddyValue::text).toList();
	}

	/**
	 * The mail server's host name, the MX host.
	 * @return {@code $(hostname)}, or empty when not defined or set by an environment
	 * variable Postern does not know
	 */
	public Optional<String> hostname() {
		return hostnameValue().filter(MaddyValue::known).map(MaddyValue::text);
	}

	/**
	 * The mail server's host name as written, known or not.
	 * @return {@code $(hostname)}, or empty when not defined
	 */
	public Optional<MaddyValue> hostnameValue() {
		return single("hostname");
	}

	/**
	 * The primary domain, which signs DKIM and receives postmaster mail.
	 * @return {@code $(primary_domain)}, or empty when not defined or not known
	 */
	public Optional<String> primaryDomain() {
		return single("primary_domain").filter(MaddyValue::known).map(MaddyValue::text);
	}

	/**
	 * The domains maddy treats as local, in the order of the file, lower-case: the
	 * domains of the {@code destination} lines that deliver to local storage, or of
	 * {@code $(local_domains)} when the file has no such line. Only domains Postern
	 * knows: a placeholder whose variable it does not know is in
	 * {@link #unknownLocalDomains()}.
	 * @return the domains
	 */
	public List<String> localDomains() {
		List<String> found = this.localDomains;
		if (found == null) {
			found = localDomainValues().stream()
				.filter(MaddyValue::known)
				.map((value) -> value.lowerCase().text())
				.filter(MaddyConf::isDomainWord)
				.distinct()
				.toList();
			this.localDomains = found;
		}
		return found;
	}

	/**
	 * The local domains set by environment variables Postern does not know.
	 * @return the variables' names, in the order of the file
	 */
	public List<String> unknownLocalDomains() {
		return localDomainValues().stream()
			.filter((value) -> !value.known())
			.flatMap((value) -> value.unknownVariables().stream())
			.distinct()
			.toList();
	}

	/**
	 * The one line that lists the local domains, where adding or removing one is a change
	 * of one word.
	 * @return the line, or why there is none
	 */
	public DomainListLine domainListLine() {
		return LocalDomainLayout.of(this).listLine();
	}

	/**
	 * The file with one more local domain, added at the end of the line that lists them.
	 * @param domain a valid lower-case ASCII domain name
	 * @return the edited file; only that line changes
	 * @throws MailFileException when no single line lists the local domains, or the
	 * domain is already local
	 */
	public MaddyConf withLocalDomain(String domain) {
		if (localDomains().contains(domain)) {
			throw new MailFileException("maddy-conf.domain.exists", domain);
		}
		DomainListLine line = requiredListLine();
		Token last = line.values().get(line.values().size() - 1);
		return splice(last.end(), last.end(), " " + domain);
	}

	/**
	 * The file without a local domain.
	 * @param domain a domain named by itself on the line that lists the local domains
	 * @return the edited file; only that line changes
	 * @throws MailFileException when the domain is the primary one, is not listed, is
	 * listed through another macro or a placeholder, or is the line's last value
	 */
	public MaddyConf withoutLocalDomain(String domain) {
		if (primaryDomain().filter(domain::equals).isPresent()) {
			throw new MailFileException("maddy-conf.domain.primary", domain);
		}
		if (!localDomains().contains(domain)) {
			throw new MailFileException("maddy-conf.domain.missing", domain);
		}
		DomainListLine line = requiredListLine();
		List<Token> values = line.values();
		for (int i = 0; i < values.size(); i++) {
			Token value = values.get(i);
			if (!value.quoted() && value.text().equalsIgnoreCase(domain)) {
				if (values.size() == 1) {
					throw new MailFileException("maddy-conf.domain.last", domain, Integer.toString(line.line()));
				}
				int from = (i == 0) ? line.before().end() : values.get(i - 1).end();
				return splice(from, value.end(), "");
			}
		}
		throw new MailFileException("maddy-conf.domain.indirect", domain, Integer.toString(line.line()));
	}

	/**
	 * The steps of the {@code local_rewrites} chain, in order.
	 * @return the steps, described; empty when the chain is not in this file
	 */
	public List<RewriteStep> rewriteSteps() {
		return this.directives.stream()
			.filter((directive) -> directive.name().equals("table.chain") && !directive.args().isEmpty()
					&& directive.args().get(0).text().equals(REWRITES_TABLE))
			.findFirst()
			.map((chain) -> RewriteStep.of(chain.children(), this::expandWords, localDomains()))
			.orElse(List.of());
	}

	List<Directive> directives() {
		return this.directives;
	}

	/**
	 * Whether an expanded word of a domain list names a domain: not the
	 * {@code postmaster} keyword, not an address, not a macro left unexpanded.
	 */
	static boolean isDomainWord(String word) {
		return !word.isEmpty() && !word.equalsIgnoreCase("postmaster") && !word.contains("@") && !word.contains("$(")
				&& !word.contains("{") && !word.contains("}") && !word.contains("/") && !word.contains(":");
	}

	private List<MaddyValue> localDomainValues() {
		return LocalDomainLayout.of(this).values();
	}

	private DomainListLine requiredListLine() {
		DomainListLine line = domainListLine();
		if (!line.found()) {
			throw new MailFileException(line.problemKey(), line.problemArguments().toArray(String[]::new));
		}
		return line;
	}

	private Optional<MaddyValue> single(String name) {
		List<MaddyValue> values = values(name);
		return (values.size() == 1) ? Optional.of(values.get(0).lowerCase()) : Optional.empty();
	}

	Optional<Directive> definition(String name) {
		String macro = "$(" + name + ")";
		Directive found = null;
		for (Directive directive : this.directives) {
			// maddy keeps the last definition of a macro
			if (directive.name().equals(macro) && !directive.args().isEmpty() && directive.args().get(0).is("=")) {
				found = directive;
			}
		}
		return Optional.ofNullable(found);
	}

	/**
	 * The words a macro stands for, expanded, each with the environment placeholders
	 * resolved where Postern knows their variables.
	 */
	List<MaddyValue> values(String name) {
		return expand(name, 0).stream().map(this::resolve).toList();
	}

	/**
	 * The words of a directive's arguments, macros expanded, placeholders resolved.
	 */
	List<MaddyValue> values(List<Token> tokens) {
		List<MaddyValue> values = new ArrayList<>();
		for (Token token : tokens) {
			Matcher matcher = MACRO_NAME.matcher(token.text());
			if (!token.quoted() && matcher.matches()) {
				expand(matcher.group(1), 1).stream().map(this::resolve).forEach(values::add);
			}
			else {
				values.add(resolve(expandInside(token.text(), 0)));
			}
		}
		return values;
	}

	private MaddyValue resolve(String word) {
		return MaddyValue.resolve(word, this.environment);
	}

	private List<String> expand(String name, int depth) {
		if (depth > MAX_MACRO_DEPTH) {
			throw new MailFileException("maddy-conf.macro.loop", name);
		}
		return definition(name).map((directive) -> {
			List<String> words = new ArrayList<>();
			for (Token value : directive.args().subList(1, directive.args().size())) {
				Matcher matcher = MACRO_NAME.matcher(value.text());
				if (!value.quoted() && matcher.matches()) {
					words.addAll(expand(matcher.group(1), depth + 1));
				}
				else {
					words.add(expandInside(value.text(), depth));
				}
			}
			return List.copyOf(words);
		}).orElse(List.of());
	}

	/**
	 * Macros inside a word, as {@code postmaster@$(primary_domain)}: maddy expands those
	 * that stand for one word.
	 */
	private String expandInside(String word, int depth) {
		Matcher matcher = MACRO_NAME.matcher(word);
		StringBuilder expanded = new StringBuilder();
		while (matcher.find()) {
			List<String> words = expand(matcher.group(1), depth + 1);
			String replacement = (words.size() == 1) ? words.get(0) : matcher.group();
			matcher.appendReplacement(expanded, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(expanded);
		return expanded.toString();
	}

	private List<String> expandWords(List<Token> tokens) {
		return tokens.stream().map((token) -> resolve(expandInside(token.text(), 0)).text()).toList();
	}

	private MaddyConf splice(int from, int to, String replacement) {
		return new MaddyConf(this.text.substring(0, from) + replacement + this.text.substring(to), this.environment);
	}

	/**
	 * A word of the file.
	 *
	 * @param text the word, quotes removed and escapes resolved
	 * @param start its first character's offset in the file
	 * @param end the offset after its last character
	 * @param line its line, from 1
	 * @param quoted whether it was written between double quotes
	 */
	record Token(String text, int start, int end, int line, boolean quoted) {

		boolean is(String word) {
			return !this.quoted && this.text.equals(word);
		}

	}

	/**
	 * A directive: its name, its arguments on the same line, its block's directives and
	 * whether it has a block at all.
	 */
	record Directive(Token nameToken, List<Token> args, List<Directive> children, boolean block) {

		String name() {
			return this.nameToken.text();
		}

		int line() {
			return this.nameToken.line();
		}

	}

	private static final class Lexer {

		private final String text;

		private int position;

		private int line = 1;

		Lexer(String text) {
			this.text = text;
		}

		List<Token> tokens() {
			List<Token> tokens = new ArrayList<>();
			while (skipBlanksAndComments()) {
				tokens.add((this.text.charAt(this.position) == '"') ? quoted() : word());
			}
			return tokens;
		}

		private boolean skipBlanksAndComments() {
			while (this.position < this.text.length()) {
				char c = this.text.charAt(this.position);
				if (c == '#') {
					while (this.position < this.text.length() && this.text.charAt(this.position) != '\n') {
						this.position++;
					}
				}
				else if (Character.isWhitespace(c)) {
					if (c == '\n') {
						this.line++;
					}
					this.position++;
				}
				else {
					return true;
				}
			}
			return false;
		}

		/**
		 * A word ends at a blank or, as in maddy's lexer, at a {@code #}, which starts a
		 * comment even in the middle of a word.
		 */
		private Token word() {
			int start = this.position;
			while (this.position < this.text.length() && !Character.isWhitespace(this.text.charAt(this.position))
					&& this.text.charAt(this.position) != '#') {
				this.position++;
			}
			return new Token(this.text.substring(start, this.position), start, this.position, this.line, false);
		}

		private Token quoted() {
			int start = this.position;
			int startLine = this.line;
			StringBuilder value = new StringBuilder();
			this.position++;
			while (this.position < this.text.length()) {
				char c = this.text.charAt(this.position++);
				if (c == '"') {
					return new Token(value.toString(), start, this.position, startLine, true);
				}
				if (c == '\\' && this.position < this.text.length()) {
					// maddy's lexer escapes only the quote: any other backslash stays,
					// and
					// the character after it is taken as it is
					c = this.text.charAt(this.position++);
					if (c != '"') {
						value.append('\\');
					}
				}
				if (c == '\n') {
					this.line++;
				}
				value.append(c);
			}
			throw new MailFileException("maddy-conf.syntax.unclosed-string", Integer.toString(startLine));
		}

	}

	private static final class Parser {

		private static final int MAX_NESTING = 255;

		private final String text;

		private final List<Token> tokens;

		private int next;

		private int depth;

		Parser(String text, List<Token> tokens) {
			this.text = text;
			this.tokens = tokens;
		}

		List<Directive> directives() {
			return block(null);
		}

		private List<Directive> block(Token opening) {
			if (opening != null && ++this.depth > MAX_NESTING) {
				// maddy's own limit; deeper would only exhaust the stack
				throw new MailFileException("maddy-conf.syntax.too-deep", Integer.toString(opening.line()));
			}
			List<Directive> directives = new ArrayList<>();
			while (this.next < this.tokens.size()) {
				Token name = this.tokens.get(this.next++);
				if (name.is("}")) {
					if (opening == null) {
						throw new MailFileException("maddy-conf.syntax.unexpected-brace",
								Integer.toString(name.line()));
					}
					this.depth--;
					return directives;
				}
				if (name.is("{")) {
					throw new MailFileException("maddy-conf.syntax.block-without-name", Integer.toString(name.line()));
				}
				List<Token> args = new ArrayList<>();
				List<Directive> children = null;
				int line = endLine(name);
				boolean continued = false;
				while (this.next < this.tokens.size()) {
					Token token = this.tokens.get(this.next);
					if ((token.line() != line && !continued) || token.is("}")) {
						break;
					}
					this.next++;
					continued = false;
					line = endLine(token);
					if (token.is("{")) {
						// a block may open anywhere on the line: "a { b }" is one
						// directive
						children = block(token);
						break;
					}
					if (token.is("\\")
							&& (this.next >= this.tokens.size() || this.tokens.get(this.next).line() != line)) {
						// a lone backslash at the end of a line continues the directive
						// on the next
						continued = true;
						continue;
					}
					args.add(token);
				}
				directives.add(new Directive(name, List.copyOf(args), (children != null) ? children : List.of(),
						children != null));
			}
			if (opening != null) {
				throw new MailFileException("maddy-conf.syntax.unclosed-block", Integer.toString(opening.line()));
			}
			return directives;
		}

		/**
		 * The line a token ends on: a quoted string may hold line breaks.
		 */
		private int endLine(Token token) {
			int breaks = 0;
			for (int i = token.start(); i < token.end(); i++) {
				if (this.text.charAt(i) == '\n') {
					breaks++;
				}
			}
			return token.line() + breaks;
		}

	}

}
