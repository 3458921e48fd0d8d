package postern.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import postern.mail.MaddyConf.Directive;
import postern.mail.MaddyConf.Token;

/**
 * One step of maddy's {@code local_rewrites} chain, in plain words. maddy applies every
 * step to every recipient, so a regexp step that matches any address of a domain sends
 * all of that domain's mail elsewhere: such a step lists the domains it catches.
 *
 * @param line the step's line in maddy.conf
 * @param kind what the step does
 * @param from what it matches: a pattern, an address, a file
 * @param to what it rewrites to, empty for a file of aliases or an unknown step
 * @param optional whether maddy goes on when the step does not match
 * @param catchAllDomains the local domains whose every recipient the step rewrites
 */
public record RewriteStep(int line, Kind kind, String from, String to, boolean optional, List<String> catchAllDomains) {

	/** A local part no one uses, to see whether a pattern catches every address. */
	private static final String PROBE_LOCAL_PART = "postern-probe-7f3c1a";

	private static final Pattern GROUP_REFERENCE = Pattern.compile("\\$\\{?([0-9]+)\\}?");

	public RewriteStep {
		catchAllDomains = List.copyOf(catchAllDomains);
	}

	/**
	 * What a step does.
	 */
	public enum Kind {

		/** Addresses matching a regular expression are rewritten. */
		REGEXP,
		/** One address is rewritten to another. */
		STATIC,
		/** Aliases are read from a file. */
		FILE,
		/** A step Postern does not describe; shown as written. */
		OTHER;

		/**
		 * The message key of the plain-words description.
		 * @return e.g. {@code rewrite.kind.regexp}
		 */
		public String messageKey() {
			return "rewrite.kind." + name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * Whether this step rewrites every recipient of at least one local domain.
	 * @return {@code true} for a catch-all
	 */
	public boolean catchAll() {
		return !this.catchAllDomains.isEmpty();
	}

	static List<RewriteStep> of(List<Directive> chain, Function<List<Token>, List<String>> expand,
			List<String> localDomains) {
		List<RewriteStep> steps = new ArrayList<>();
		for (Directive step : chain) {
			boolean optional = step.name().equals("optional_step");
			if (!optional && !step.name().equals("step") || step.args().isEmpty()) {
				continue;
			}
			List<String> words = expand.apply(step.args());
			switch (words.get(0)) {
				case "regexp" -> steps.add(regexp(step.line(), words, optional, localDomains));
				case "static" -> steps.addAll(entries(step, expand, optional));
				case "file" ->
					steps.add(new RewriteStep(step.line(), Kind.FILE, word(words, 1), "", optional, List.of()));
				default -> steps
					.add(new RewriteStep(step.line(), Kind.OTHER, String.join(" ", words), "", optional, List.of()));
			}
		}
		return List.copyOf(steps);
	}

	private static RewriteStep regexp(int line, List<String> words, boolean optional, List<String> localDomains) {
		String pattern = word(words, 1);
		String replacement = word(words, 2);
		List<String> caught = localDomains.stream()
			.filter((domain) -> rewritesEveryone(pattern, replacement, domain))
			.toList();
		return new RewriteStep(line, Kind.REGEXP, pattern, replacement, optional, caught);
	}

	private static List<RewriteStep> entries(Directive step, Function<List<Token>, List<String>> expand,
			boolean optional) {
		List<RewriteStep> entries = new ArrayList<>();
		for (Directive entry : step.children()) {
			List<String> words = expand.apply(entry.args());
			if (entry.name().equals("entry") && words.size() >= 2) {
				entries.add(new RewriteStep(entry.line(), Kind.STATIC, words.get(0),
						String.join(", ", words.subList(1, words.size())), optional, List.of()));
			}
		}
		return entries;
	}

	/**
	 * Whether a pattern, applied as maddy applies it (whole address, case-insensitive),
	 * rewrites an address no one would have listed.
	 */
	private static boolean rewritesEveryone(String pattern, String replacement, String domain) {
		String probe = PROBE_LOCAL_PART + "@" + domain;
		try {
			Matcher matcher = Pattern.compile(pattern.replace("(?P<", "(?<"), Pattern.CASE_INSENSITIVE).matcher(probe);
			return matcher.matches() && !expand(replacement, matcher).equalsIgnoreCase(probe);
		}
		catch (PatternSyntaxException | IndexOutOfBoundsException ex) {
			return false;
		}
	}

	private static String expand(String replacement, Matcher match) {
		Matcher reference = GROUP_REFERENCE.matcher(replacement);
		StringBuilder expanded = new StringBuilder();
		while (reference.find()) {
			int group = Integer.parseInt(reference.group(1));
			String value = (group <= match.groupCount() && match.group(group) != null) ? match.group(group) : "";
			reference.appendReplacement(expanded, Matcher.quoteReplacement(value));
		}
		reference.appendTail(expanded);
		return expanded.toString();
	}

	private static String word(List<String> words, int index) {
		return (index < words.size()) ? words.get(index) : "";
	}

}
