package postern.sites;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import postern.host.CommandResult;

/**
 * What {@code caddy} said, as it may be shown and stored. Caddy quotes the tokens it
 * refuses, and those come from every file the Caddyfile imports: an
 * {@code import /etc/shadow} would put that file's first line on the page. A line that
 * cites a place in a file outside the Caddyfile's folder is replaced by one that names
 * only the place; when the Caddyfile imports from outside its folder, a line that cites
 * no place is dropped too. The values of Caddy's own environment never appear either.
 */
final class CaddyOutput {

	/** A place Caddy cites: an absolute path and a line number. */
	private static final Pattern PLACE = Pattern.compile("(/[^\\s:'\"]*):(\\d+)");

	/** An {@code import} at the start of a line or after a brace, and what it names. */
	private static final Pattern IMPORT = Pattern.compile("(?m)(?:^|[\\s{])import\\s+(\\S+)");

	/** Shorter values could hide ordinary words of the output. */
	private static final int SHORTEST_HIDDEN_VALUE = 3;

	private CaddyOutput() {
	}

	/**
	 * The output of a run of {@code caddy} on a temporary copy of the Caddyfile, without
	 * its JSON log lines, naming the real file, and without anything of files outside the
	 * Caddyfile's folder.
	 * @param result what caddy printed
	 * @param temporary the copy it ran on
	 * @param caddyfile the real Caddyfile, in the same folder
	 * @param candidate the text it ran on
	 * @param environment the variables caddy ran with
	 * @return the text to show
	 */
	static String shown(CommandResult result, Path temporary, Path caddyfile, String candidate,
			Map<String, String> environment) {
		String said = (result.stdout() + "\n" + result.stderr()).lines()
			.filter((line) -> !line.isBlank() && !line.startsWith("{"))
			.collect(Collectors.joining("\n"));
		if (said.isEmpty()) {
			said = result.stderr().strip();
		}
		said = said.replace(temporary.toString(), caddyfile.toString())
			.replace(String.valueOf(temporary.getFileName()), String.valueOf(caddyfile.getFileName()));
		Path folder = caddyfile.toAbsolutePath().normalize().getParent();
		boolean importsFromOutside = importsFromOutside(candidate, folder);
		String shown = said.lines()
			.map((line) -> line(line, folder, importsFromOutside))
			.filter((line) -> !line.isEmpty())
			.collect(Collectors.joining("\n"));
		return hideValues(shown, environment);
	}

	/**
	 * The values of an environment replaced by their {@code {$NAME}}, longest first so a
	 * value inside another is not half replaced.
	 * @param text any output
	 * @param environment the variables
	 * @return the text without their values
	 */
	static String hideValues(String text, Map<String, String> environment) {
		String hidden = text;
		for (Map.Entry<String, String> variable : environment.entrySet()
			.stream()
			.sorted(Comparator.comparingInt((Map.Entry<String, String> entry) -> entry.getValue().length()).reversed())
			.toList()) {
			if (variable.getValue().length() >= SHORTEST_HIDDEN_VALUE) {
				hidden = hidden.replace(variable.getValue(), "{$" + variable.getKey() + "}");
			}
		}
		return hidden;
	}

	private static String line(String line, Path folder, boolean importsFromOutside) {
		Matcher place = PLACE.matcher(line);
		boolean cited = false;
		while (place.find()) {
			cited = true;
			if (!inside(place.group(1), folder)) {
				return "Error: " + place.group(1) + ":" + place.group(2)
						+ ": Caddy refused this line of a file outside " + folder + "; its content is not shown.";
			}
		}
		return (cited || !importsFromOutside) ? line : "";
	}

	private static boolean importsFromOutside(String candidate, Path folder) {
		Matcher imported = IMPORT.matcher(candidate);
		while (imported.find()) {
			String named = imported.group(1).replaceAll("^[\"`]|[\"`]$", "");
			// a placeholder can name any file
			if (named.contains("{") || !inside(named, folder)) {
				return true;
			}
		}
		return false;
	}

	private static boolean inside(String path, Path folder) {
		try {
			return folder.resolve(path).normalize().startsWith(folder);
		}
		catch (RuntimeException ex) {
			// not a path this system can hold: Caddy cannot have read it either, but the
			// safe answer is still "outside"
			return false;
		}
	}

}
