package postern.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A word of maddy.conf once its macros are expanded, with its {@code {env:NAME}}
 * placeholders replaced by what Postern knows of maddy's environment. A word whose
 * variable Postern does not know keeps its placeholder and names the variable, so that it
 * is shown as "set by the environment variable NAME", never taken for a name.
 *
 * @param text the word, placeholders replaced where known
 * @param unknownVariables the variables it still needs, in order; empty when known
 */
public record MaddyValue(String text, List<String> unknownVariables) {

	/** maddy's own pattern: {@code {env:} and a name up to the next brace. */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{env:([^$}]+)}");

	public MaddyValue {
		unknownVariables = List.copyOf(unknownVariables);
	}

	/**
	 * A word with its placeholders replaced.
	 * @param word the expanded word
	 * @param environment the variables Postern knows
	 * @return the value
	 */
	static MaddyValue resolve(String word, Map<String, String> environment) {
		Matcher matcher = PLACEHOLDER.matcher(word);
		StringBuilder resolved = new StringBuilder();
		List<String> unknown = new ArrayList<>();
		while (matcher.find()) {
			String name = matcher.group(1);
			String value = environment.get(name);
			if (value == null) {
				unknown.add(name);
				value = matcher.group();
			}
			matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(resolved);
		return new MaddyValue(resolved.toString(), unknown);
	}

	/**
	 * Whether Postern knows the whole value.
	 * @return {@code true} when no placeholder is left
	 */
	public boolean known() {
		return this.unknownVariables.isEmpty();
	}

	/**
	 * The first variable the value still needs.
	 * @return its name, or {@code null} when the value is known
	 */
	public String variable() {
		return known() ? null : this.unknownVariables.get(0);
	}

	/**
	 * The value with each unknown placeholder standing for one plain word, to judge what
	 * kind of word it is (a domain, an address) without knowing it.
	 * @return the shape
	 */
	String shape() {
		return PLACEHOLDER.matcher(this.text).replaceAll("x");
	}

	MaddyValue lowerCase() {
		return known() ? new MaddyValue(this.text.toLowerCase(Locale.ROOT), this.unknownVariables) : this;
	}

}
