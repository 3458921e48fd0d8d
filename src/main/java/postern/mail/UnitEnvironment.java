package postern.mail;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The environment formats of systemd: the {@code Environment=} line of
 * {@code systemctl show} (assignments separated by spaces, double-quoted when they hold
 * one, C escapes), the {@code EnvironmentFiles=} line (a path and its
 * {@code (ignore_errors=...)}) and an environment file ({@code NAME=value} lines,
 * {@code #} and {@code ;} comments, values in single or double quotes).
 */
final class UnitEnvironment {

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private UnitEnvironment() {
	}

	static Map<String, String> assignments(String line) {
		Map<String, String> variables = new LinkedHashMap<>();
		StringBuilder word = new StringBuilder();
		boolean quoted = false;
		boolean any = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '\\' && i + 1 < line.length()) {
				word.append(line.charAt(++i));
				any = true;
			}
			else if (c == '"') {
				quoted = !quoted;
				any = true;
			}
			else if (c == ' ' && !quoted) {
				if (any) {
					put(variables, word.toString());
				}
				word.setLength(0);
				any = false;
			}
			else {
				word.append(c);
				any = true;
			}
		}
		if (any) {
			put(variables, word.toString());
		}
		return variables;
	}

	/**
	 * The path of an {@code EnvironmentFiles=} value.
	 * @return the absolute path, or {@code null}
	 */
	static String filePath(String value) {
		String path = value.replaceFirst("\\s*\\(ignore_errors=(yes|no)\\)\\s*$", "").strip();
		return path.startsWith("/") ? path : null;
	}

	static Map<String, String> file(String text) {
		Map<String, String> variables = new LinkedHashMap<>();
		for (String raw : text.split("\r?\n")) {
			String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
				continue;
			}
			int equals = line.indexOf('=');
			if (equals <= 0) {
				continue;
			}
			String name = line.substring(0, equals).strip();
			String value = line.substring(equals + 1).strip();
			if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
					|| value.startsWith("'") && value.endsWith("'"))) {
				value = value.substring(1, value.length() - 1);
			}
			if (NAME.matcher(name).matches()) {
				variables.put(name, value);
			}
		}
		return variables;
	}

	private static void put(Map<String, String> variables, String assignment) {
		int equals = assignment.indexOf('=');
		if (equals > 0 && NAME.matcher(assignment.substring(0, equals)).matches()) {
			variables.put(assignment.substring(0, equals), assignment.substring(equals + 1));
		}
	}

}
