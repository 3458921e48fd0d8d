package postern.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

	private static final Pattern MACRO_NAME = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

	private static final int MAX_MACRO_DEPTH = 10;

	private final String text;

	private final List<Directive> directives;

	private MaddyConf(String text) {
		this.text = text;
		this.directives = new Parser(new Lexer(text).tokens()).directives();
	}

	/**
	 * Read a configuration.
	 * @param text the whole file
	 * @return the parsed file
	 * @throws MailFileException when braces do not balance or a string is not closed
	 */
	public static MaddyConf parse(String text) {
		return new MaddyConf(text);
	}

	/**
	 * The file's text, byte for byte what was parsed, with any edits.
	 * @return the text
	 */
	public String text() {
		return this.text;
	}

	/**
	 * The words a macro stands for, with the macros it uses expanded.
	 * @param name the macro's name without {@code $( )}, e.g. {@code local_domains}
	 * @return its words; empty when it is not defined (as maddy expands it to nothing)
	 */
	public List<String> macro(String name) {
		return expand(name, 0);
	}

	/**
	 * The mail server's host name, the MX host.
	 * @return {@code $(hostname)}, or empty when not defined
	 */
	public Optional<String> hostname() {
		return single("hostname");
	}

	/**
	 * The primary domain, which signs DKIM and receives postmaster mail.
	 * @return {@code $(primary_domain)}, or empty when not defined
	 */
	public Optional<String> primaryDomain() {
		return single("primary_domain");
	}

	/**
	 * The domains maddy receives mail for, in the order of the file, lower-case.
	 * @return the expanded words of {@code $(local_domains)}
	 */
	public List<String> localDomains() {
		return macro("local_domains").stream().map((domain) -> domain.toLowerCase(Locale.ROOT)).distinct().toList();
	}

	/**
	 * The file with one more local domain, added at the end of {@code $(local_domains)}.
	 * @param domain a valid lower-case ASCII domain name
	 * @return the edited file; only that line changes
	 * @throws MailFileException when the macro is not defined in this file or already
	 * lists the domain
	 */
	public MaddyConf withLocalDomain(String domain) {
		Directive definition = localDomainsDefinition();
		if (localDomains().contains(domain)) {
			throw new MailFileException("maddy-conf.domain.exists", domain);
		}
		Token last = definition.args().get(definition.args().size() - 1);
		return splice(last.end(), last.end(), " " + domain);
	}

	/**
	 * The file without a local domain.
	 * @param domain a domain listed by its name in {@code $(local_domains)}
	 * @return the edited file; only that line changes
	 * @throws MailFileException when the domain is the primary one, is not listed, or is
	 * listed through another macro
	 */
	public MaddyConf withoutLocalDomain(String domain) {
		Directive definition = localDomainsDefinition();
		if (primaryDomain().filter(domain::equals).isPresent()) {
			throw new MailFileException("maddy-conf.domain.primary", domain);
		}
		List<Token> values = definition.args();
		for (int i = 1; i < values.size(); i++) {
			Token value = values.get(i);
			if (!value.quoted() && value.text().equalsIgnoreCase(domain)) {
				return splice(values.get(i - 1).end(), value.end(), "");
			}
		}
		if (localDomains().contains(domain)) {
			throw new MailFileException("maddy-conf.domain.indirect", domain);
		}
		throw new MailFileException("maddy-conf.domain.missing", domain);
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

	private Optional<String> single(String name) {
		List<String> words = macro(name);
		return (words.size() == 1) ? Optional.of(words.get(0).toLowerCase(Locale.ROOT)) : Optional.empty();
	}

	private Directive localDomainsDefinition() {
		return definition("local_domains")
			.orElseThrow(() -> new MailFileException("maddy-conf.local-domains.missing", "$(local_domains)"));
	}

	private Optional<Directive> definition(String name) {
		String macro = "$(" + name + ")";
		Directive found = null;
		for (Directive directive : this.directives) {
			// maddy keeps the last definition of a macro
			if (directive.name().equals(macro) && !directive.args().isEmpty()
					&& directive.args().get(0).text().equals("=")) {
				found = directive;
			}
		}
		return Optional.ofNullable(found);
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
		return tokens.stream().map((token) -> expandInside(token.text(), 0)).toList();
	}

	private MaddyConf splice(int from, int to, String replacement) {
		return new MaddyConf(this.text.substring(0, from) + replacement + this.text.substring(to));
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
	 * A directive: its name, its arguments on the same line, and its block's directives.
	 */
	record Directive(Token nameToken, List<Token> args, List<Directive> children) {

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

		private Token word() {
			int start = this.position;
			while (this.position < this.text.length() && !Character.isWhitespace(this.text.charAt(this.position))) {
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
				if (c == '\\' && this.position < this.text.length()
						&& (this.text.charAt(this.position) == '"' || this.text.charAt(this.position) == '\\')) {
					c = this.text.charAt(this.position++);
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

		private final List<Token> tokens;

		private int next;

		Parser(List<Token> tokens) {
			this.tokens = tokens;
		}

		List<Directive> directives() {
			List<Directive> top = block(null);
			return top;
		}

		private List<Directive> block(Token opening) {
			List<Directive> directives = new ArrayList<>();
			while (this.next < this.tokens.size()) {
				Token name = this.tokens.get(this.next++);
				if (name.is("}")) {
					if (opening == null) {
						throw new MailFileException("maddy-conf.syntax.unexpected-brace",
								Integer.toString(name.line()));
					}
					return directives;
				}
				List<Token> args = new ArrayList<>();
				while (this.next < this.tokens.size() && this.tokens.get(this.next).line() == name.line()
						&& !this.tokens.get(this.next).is("}")) {
					args.add(this.tokens.get(this.next++));
				}
				List<Directive> children = List.of();
				if (!args.isEmpty() && args.get(args.size() - 1).is("{")) {
					Token brace = args.remove(args.size() - 1);
					children = block(brace);
				}
				directives.add(new Directive(name, List.copyOf(args), children));
			}
			if (opening != null) {
				throw new MailFileException("maddy-conf.syntax.unclosed-block", Integer.toString(opening.line()));
			}
			return directives;
		}

	}

}
