package postern.mail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import postern.names.MailAddresses;

/**
 * maddy's aliases file ({@code table.file}), read and edited line by line: comments,
 * blank lines and every line Postern does not touch stay byte for byte.
 * <p>
 * maddy's reading: a line whose first character is {@code #} is a comment; other lines
 * are trimmed, blank ones skipped, and split on the first {@code :} into a key and
 * comma-separated targets; a repeated key adds targets; a line starting with {@code :}
 * makes maddy reject the whole file.
 */
public final class AliasesFile {

	private final List<Line> lines;

	/** The aliases as maddy merges them, worked out once: the file never changes. */
	private volatile Merged merged;

	private AliasesFile(List<Line> lines) {
		List<Line> numbered = new ArrayList<>(lines.size());
		for (Line line : lines) {
			numbered.add((line.number() == numbered.size() + 1) ? line : Line.of(line.raw(), numbered.size() + 1));
		}
		this.lines = List.copyOf(numbered);
	}

	/**
	 * Read an aliases file.
	 * @param text the whole file, possibly empty
	 * @return the parsed file; lines maddy would refuse or misread are reported by
	 * {@link #problems()}
	 */
	public static AliasesFile parse(String text) {
		List<Line> lines = new ArrayList<>();
		int start = 0;
		while (start < text.length()) {
			int newline = text.indexOf('\n', start);
			int end = (newline < 0) ? text.length() : newline + 1;
			lines.add(Line.of(text.substring(start, end), lines.size() + 1));
			start = end;
		}
		return new AliasesFile(lines);
	}

	/**
	 * The file's text, byte for byte what was parsed, with any edits.
	 * @return the text
	 */
	public String text() {
		StringBuilder text = new StringBuilder();
		this.lines.forEach((line) -> text.append(line.raw()));
		return text.toString();
	}

	/**
	 * The aliases, as maddy reads them: the targets of a repeated key merged, in the
	 * order of their first line.
	 * @return the aliases
	 */
	public List<Alias> aliases() {
		return merged().aliases();
	}

	/**
	 * One alias.
	 * @param address its key
	 * @return the alias, or empty when the file has no such key
	 */
	public Optional<Alias> find(String address) {
		return Optional.ofNullable(merged().byAddress().get(address));
	}

	private Merged merged() {
		Merged found = this.merged;
		if (found == null) {
			found = Merged.of(this.lines);
			this.merged = found;
		}
		return found;
	}

	/**
	 * The lines maddy would refuse or read otherwise than an admin might expect.
	 * @return the problems, in line order
	 */
	public List<Problem> problems() {
		Map<String, Boolean> domains = new HashMap<>();
		return this.lines.stream().map((line) -> line.problem(domains)).flatMap(Optional::stream).toList();
	}

	/**
	 * The file with a new alias on a new last line.
	 * @param address a valid, lower-case address
	 * @param targets valid addresses, at least one
	 * @return the edited file
	 * @throws MailFileException when the alias exists
	 */
	public AliasesFile withAlias(String address, List<String> targets) {
		return withAliases(Map.of(address, targets));
	}

	/**
	 * The file with new aliases on new last lines, in the order given: one copy of the
	 * file however many aliases are added.
	 * @param aliases each valid, lower-case address and its valid targets, at least one
	 * @return the edited file
	 * @throws MailFileException when one of the aliases exists
	 */
	public AliasesFile withAliases(Map<String, List<String>> aliases) {
		Map<String, Alias> existing = merged().byAddress();
		aliases.keySet().stream().filter(existing::containsKey).findFirst().ifPresent((address) -> {
			throw new MailFileException("aliases.exists", address);
		});
		List<Line> edited = new ArrayList<>(this.lines.size() + aliases.size());
		edited.addAll(this.lines);
		String newline = newline();
		if (!edited.isEmpty() && !edited.get(edited.size() - 1).raw().endsWith("\n")) {
			Line last = edited.remove(edited.size() - 1);
			edited.add(Line.of(last.raw() + newline, last.number()));
		}
		for (Map.Entry<String, List<String>> alias : aliases.entrySet()) {
			edited.add(Line.of(entry(alias.getKey(), alias.getValue()) + newline, edited.size() + 1));
		}
		return new AliasesFile(edited);
	}

	/**
	 * The file with other targets for an alias: its first line rewritten, its other lines
	 * (maddy merges repeated keys) removed.
	 * @param address an existing alias
	 * @param targets valid addresses, at least one
	 * @return the edited file
	 * @throws MailFileException when there is no such alias
	 */
	public AliasesFile withTargets(String address, List<String> targets) {
		List<Line> edited = new ArrayList<>();
		boolean replaced = false;
		for (Line line : this.lines) {
			if (!line.isEntry() || !line.key().equals(address)) {
				edited.add(line);
			}
			else if (!replaced) {
				edited.add(Line.of(entry(address, targets) + line.terminator(), line.number()));
				replaced = true;
			}
		}
		if (!replaced) {
			throw new MailFileException("aliases.missing", address);
		}
		return new AliasesFile(edited);
	}

	/**
	 * The file without an alias: every line of its key removed.
	 * @param address an existing alias
	 * @return the edited file
	 * @throws MailFileException when there is no such alias
	 */
	public AliasesFile withoutAlias(String address) {
		List<Line> kept = this.lines.stream().filter((line) -> !line.isEntry() || !line.key().equals(address)).toList();
		if (kept.size() == this.lines.size()) {
			throw new MailFileException("aliases.missing", address);
		}
		return new AliasesFile(kept);
	}

	private static String entry(String address, List<String> targets) {
		if (targets.isEmpty()) {
			throw new IllegalArgumentException("An alias needs a target");
		}
		return address + ": " + String.join(", ", targets);
	}

	/** New lines end like the file's first line, so a CRLF file stays CRLF. */
	private String newline() {
		return (!this.lines.isEmpty() && this.lines.get(0).raw().endsWith("\r\n")) ? "\r\n" : "\n";
	}

	private static List<String> concat(List<String> first, List<String> more) {
		List<String> all = new ArrayList<>(first);
		all.addAll(more);
		return all;
	}

	/**
	 * A line maddy would refuse or read otherwise than it looks.
	 *
	 * @param line the line number, from 1
	 * @param messageKey what is wrong, e.g. {@code aliases.problem.empty-key}
	 * @param text the line as written
	 * @param rejectsFile whether maddy refuses the whole file because of it
	 */
	public record Problem(int line, String messageKey, String text, boolean rejectsFile) {
	}

	/**
	 * The aliases as maddy reads them: the targets of a repeated key merged, in the order
	 * of their first line, and by address.
	 */
	private record Merged(List<Alias> aliases, Map<String, Alias> byAddress) {

		static Merged of(List<Line> lines) {
			Map<String, Alias> merged = new LinkedHashMap<>();
			for (Line line : lines) {
				if (line.isEntry()) {
					merged.merge(line.key(), new Alias(line.key(), line.targets(), line.number()), (first,
							more) -> new Alias(first.address(), concat(first.targets(), more.targets()), first.line()));
				}
			}
			return new Merged(List.copyOf(merged.values()), merged);
		}

	}

	/**
	 * A line of the file as written, terminator included.
	 */
	private record Line(String raw, int number, String key, List<String> targets) {

		static Line of(String raw, int number) {
			String content = content(raw);
			if (content.startsWith("#") || content.isBlank()) {
				return new Line(raw, number, null, List.of());
			}
			int colon = content.indexOf(':');
			if (colon < 0) {
				return new Line(raw, number, content.strip(), List.of());
			}
			return new Line(raw, number, content.substring(0, colon).strip(), targets(content.substring(colon + 1)));
		}

		/**
		 * The targets after the colon, each stripped; a single target, the usual line,
		 * costs no split.
		 */
		private static List<String> targets(String text) {
			if (text.indexOf(',') < 0) {
				return List.of(text.strip());
			}
			String[] targets = text.split(",", -1);
			for (int i = 0; i < targets.length; i++) {
				targets[i] = targets[i].strip();
			}
			return List.of(targets);
		}

		boolean isEntry() {
			return this.key != null;
		}

		String terminator() {
			return this.raw.substring(content(this.raw).length());
		}

		/**
		 * What maddy would refuse or misread in the line.
		 * @param domains whether each domain seen so far is valid: most lines share a few
		 * domains, whose check costs more than the rest of the line's
		 */
		Optional<Problem> problem(Map<String, Boolean> domains) {
			if (!isEntry()) {
				return Optional.empty();
			}
			String content = content(this.raw);
			if (this.key.isEmpty()) {
				return problem("aliases.problem.empty-key", true);
			}
			if (this.key.startsWith("#")) {
				return problem("aliases.problem.indented-comment", false);
			}
			if (!this.key.equals(this.key.toLowerCase(Locale.ROOT))) {
				return problem("aliases.problem.upper-case", false);
			}
			if (content.indexOf(':') < 0 || this.targets.stream().anyMatch(String::isEmpty)) {
				return problem("aliases.problem.empty-target", false);
			}
			if (!isAddress(this.key, domains)) {
				return problem("aliases.problem.key-not-address", false);
			}
			return Optional.empty();
		}

		/**
		 * {@link MailAddresses#isValid} of a lower-case key, each domain checked once.
		 */
		private static boolean isAddress(String key, Map<String, Boolean> domains) {
			int at = key.indexOf('@');
			if (at <= 0 || at != key.lastIndexOf('@') || !MailAddresses.isValidLocalPart(key.substring(0, at))) {
				return false;
			}
			return domains.computeIfAbsent(key.substring(at + 1),
					(domain) -> MailAddresses.isValid("postmaster@" + domain));
		}

		private Optional<Problem> problem(String messageKey, boolean rejectsFile) {
			return Optional.of(new Problem(this.number, messageKey, content(this.raw), rejectsFile));
		}

		private static String content(String raw) {
			if (raw.endsWith("\r\n")) {
				return raw.substring(0, raw.length() - 2);
			}
			return raw.endsWith("\n") ? raw.substring(0, raw.length() - 1) : raw;
		}

	}

}
