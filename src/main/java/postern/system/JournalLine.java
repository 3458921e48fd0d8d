package postern.system;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of {@code journalctl -o short-iso}: when, on which host, from which program,
 * and what it said. A line journalctl adds itself ({@code -- No entries --},
 * {@code -- Boot … --}) or one that does not have the usual shape keeps its text as the
 * message.
 *
 * @param time the ISO 8601 timestamp, or empty for a marker line
 * @param host the host name, or empty
 * @param identifier the program's identifier with its PID, e.g. {@code caddy[812]}, or
 * empty
 * @param message what was logged
 * @param marker whether journalctl wrote the line itself (no entries, a new boot)
 */
public record JournalLine(String time, String host, String identifier, String message, boolean marker) {

	/** {@code 2026-11-25T09:58:01+00:00 mx1 caddy[812]: message}. */
	private static final Pattern ENTRY = Pattern
		.compile("(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:[+-]\\d{2}:?\\d{2}|Z)) (\\S+) ([^:]+?): ?(.*)");

	/**
	 * Parse the output of {@code journalctl -o short-iso}.
	 * @param output what journalctl printed
	 * @return one line per output line, in order; blank lines dropped
	 */
	public static List<JournalLine> parse(String output) {
		return output.lines().filter((line) -> !line.isBlank()).map(JournalLine::parseLine).toList();
	}

	static JournalLine parseLine(String line) {
		if (line.startsWith("-- ") && line.endsWith(" --")) {
			return new JournalLine("", "", "", line, true);
		}
		Matcher matcher = ENTRY.matcher(line);
		if (matcher.matches()) {
			return new JournalLine(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4), false);
		}
		return new JournalLine("", "", "", line, false);
	}

	/**
	 * Whether the line is an entry journalctl reports "no entries" for.
	 * @return {@code true} for {@code -- No entries --}
	 */
	public boolean noEntries() {
		return this.marker && this.message.contains("No entries");
	}

	/**
	 * Whether the line contains a text, ignoring case.
	 * @param text what to look for; blank matches every line
	 * @return {@code true} when the line contains it
	 */
	public boolean contains(String text) {
		if (text == null || text.isBlank()) {
			return true;
		}
		String needle = text.strip().toLowerCase(java.util.Locale.ROOT);
		return String.join(" ", this.time, this.host, this.identifier, this.message)
			.toLowerCase(java.util.Locale.ROOT)
			.contains(needle);
	}

}
