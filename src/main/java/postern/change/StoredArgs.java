package postern.change;

import java.util.Arrays;
import java.util.List;

/**
 * Message arguments kept in one column: joined with the unit separator, which never
 * appears in a path, an address or a unit name.
 */
final class StoredArgs {

	private static final String SEPARATOR = "\u001f";

	private StoredArgs() {
	}

	static String join(List<String> args) {
		if (args == null || args.isEmpty()) {
			return null;
		}
		return String.join(SEPARATOR, args.stream().map((arg) -> String.valueOf(arg).replace(SEPARATOR, " ")).toList());
	}

	static List<String> split(String stored) {
		if (stored == null || stored.isEmpty()) {
			return List.of();
		}
		return Arrays.asList(stored.split(SEPARATOR, -1));
	}

}
