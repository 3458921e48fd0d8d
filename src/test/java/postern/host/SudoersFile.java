package postern.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of the sudoers format that {@code deploy/sudoers.d/postern} is written in,
 * read as sudo reads it: {@code Cmnd_Alias} lines of commands with exact arguments or a
 * {@code ^...$} regular expression, and user specifications of the {@code postern} user
 * with a run-as user and {@code NOPASSWD}. Anything else in the file is refused, so the
 * file cannot grow a rule this reading would miss.
 */
final class SudoersFile {

	private static final Pattern ALIAS = Pattern.compile("Cmnd_Alias ([A-Z][A-Z0-9_]*) = (.+)");

	private static final Pattern USER_SPEC = Pattern.compile("postern ALL=\\((root|maddy)\\) NOPASSWD: (.+)");

	private final Map<String, List<Entry>> aliases = new LinkedHashMap<>();

	private final List<Rule> rules = new ArrayList<>();

	private SudoersFile() {
	}

	/**
	 * Read a sudoers text.
	 * @param text the file's text
	 * @return its aliases and rules
	 * @throws IllegalArgumentException on a line outside the subset
	 */
	static SudoersFile parse(String text) {
		SudoersFile file = new SudoersFile();
		for (String line : logicalLines(text)) {
			Matcher alias = ALIAS.matcher(line);
			Matcher spec = USER_SPEC.matcher(line);
			if (alias.matches()) {
				file.aliases.put(alias.group(1), split(alias.group(2)).stream().map(Entry::parse).toList());
			}
			else if (spec.matches()) {
				for (String name : split(spec.group(2))) {
					List<Entry> entries = file.aliases.get(name.strip());
					if (entries == null) {
						throw new IllegalArgumentException("Not a command alias of this file: " + name);
					}
					entries.forEach((entry) -> file.rules.add(new Rule(spec.group(1), entry)));
				}
			}
			else {
				throw new IllegalArgumentException("Not a line this file may hold: " + line);
			}
		}
		return file;
	}

	List<Rule> rules() {
		return this.rules;
	}

	/**
	 * Whether a command is allowed, as sudo decides it.
	 * @param runAs the user the command runs as
	 * @param argv the resolved program and its arguments
	 * @return whether a rule allows it
	 */
	boolean allows(String runAs, List<String> argv) {
		return this.rules.stream().anyMatch((rule) -> rule.runAs().equals(runAs) && rule.entry().matches(argv));
	}

	/**
	 * Lines with their continuations joined, comments and blank lines left out.
	 */
	private static List<String> logicalLines(String text) {
		List<String> lines = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : text.lines().toList()) {
			String stripped = line.strip();
			if (current.isEmpty() && (stripped.isEmpty() || stripped.startsWith("#"))) {
				continue;
			}
			if (stripped.endsWith("\\") && !stripped.endsWith("\\\\")) {
				current.append(stripped, 0, stripped.length() - 1).append(' ');
				continue;
			}
			current.append(stripped);
			lines.add(current.toString().replaceAll("\\s+", " ").strip());
			current.setLength(0);
		}
		if (!current.isEmpty()) {
			throw new IllegalArgumentException("The file ends inside a continued line");
		}
		return lines;
	}

	/**
	 * Split on the commas sudoers separates entries with, not on escaped ones.
	 */
	private static List<String> split(String list) {
		List<String> parts = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (int i = 0; i < list.length(); i++) {
			char c = list.charAt(i);
			if (c == '\\' && i + 1 < list.length()) {
				current.append(c).append(list.charAt(++i));
			}
			else if (c == ',') {
				parts.add(current.toString().strip());
				current.setLength(0);
			}
			else {
				current.append(c);
			}
		}
		parts.add(current.toString().strip());
		return parts;
	}

	/**
	 * A run-as user and a command it may run.
	 *
	 * @param runAs the user
	 * @param entry the command
	 */
	record Rule(String runAs, Entry entry) {
	}

	/**
	 * One command of an alias: a program and its arguments, exact or a regular
	 * expression.
	 *
	 * @param program the absolute path of the program
	 * @param arguments the arguments as sudo keeps them (escapes removed from exact ones,
	 * kept in a regular expression)
	 * @param regex whether the arguments are a {@code ^...$} regular expression
	 */
	record Entry(String program, String arguments, boolean regex) {

		static Entry parse(String text) {
			int space = text.indexOf(' ');
			if (space < 0) {
				// sudoers lets a command listed without arguments run with any.
				throw new IllegalArgumentException("A command without arguments allows every argument: " + text);
			}
			String program = text.substring(0, space);
			String arguments = text.substring(space + 1);
			if (!program.startsWith("/")) {
				throw new IllegalArgumentException("Not an absolute program path: " + text);
			}
			if (arguments.startsWith("^") && arguments.endsWith("$")) {
				return new Entry(program, arguments, true);
			}
			if (arguments.matches(".*(?<!\\\\)[*?\\[\\]].*")) {
				throw new IllegalArgumentException("A wildcard outside a regular expression: " + text);
			}
			return new Entry(program, arguments.replaceAll("\\\\(.)", "$1"), false);
		}

		boolean matches(List<String> argv) {
			if (!argv.get(0).equals(this.program)) {
				return false;
			}
			// sudo matches the arguments as one string, joined by single spaces.
			String given = String.join(" ", argv.subList(1, argv.size()));
			return this.regex ? Pattern.compile(this.arguments).matcher(given).matches() : this.arguments.equals(given);
		}

		/**
		 * The entry as {@code cvtsudoers} prints it.
		 * @return the program and arguments
		 */
		String text() {
			return this.program + " " + this.arguments;
		}

	}

}
