package postern.system;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One fail2ban jail, as {@code fail2ban-client status <jail>} prints it.
 *
 * @param name the jail
 * @param currentlyFailed failures counted now
 * @param totalFailed failures since fail2ban started
 * @param currentlyBanned addresses banned now
 * @param totalBanned bans since fail2ban started
 * @param banned the addresses banned now
 */
public record JailStatus(String name, int currentlyFailed, int totalFailed, int currentlyBanned, int totalBanned,
		List<String> banned) {

	public JailStatus {
		banned = List.copyOf(banned);
	}

	/**
	 * Parse {@code fail2ban-client status <jail>}.
	 * @param jail the jail asked for, used when the output does not name it
	 * @param output what fail2ban-client printed
	 * @return the jail's counters and banned addresses
	 */
	public static JailStatus parse(String jail, String output) {
		Map<String, String> values = values(output);
		String name = output.lines()
			.filter((line) -> line.startsWith("Status for the jail:"))
			.map((line) -> line.substring("Status for the jail:".length()).strip())
			.findFirst()
			.orElse(jail);
		String list = values.getOrDefault("Banned IP list", "").strip();
		List<String> banned = list.isEmpty() ? List.of() : Arrays.asList(list.split("\\s+"));
		return new JailStatus(name, number(values.get("Currently failed")), number(values.get("Total failed")),
				number(values.get("Currently banned")), number(values.get("Total banned")), banned);
	}

	/**
	 * Parse the jail list of {@code fail2ban-client status}.
	 * @param output what fail2ban-client printed
	 * @return the jails' names, in fail2ban's order
	 */
	public static List<String> parseJailList(String output) {
		String list = values(output).getOrDefault("Jail list", "").strip();
		if (list.isEmpty()) {
			return List.of();
		}
		return Arrays.stream(list.split(",")).map(String::strip).filter((name) -> !name.isEmpty()).toList();
	}

	/**
	 * The {@code key:<tab>value} lines of fail2ban-client's tree, without the tree's
	 * drawing characters.
	 */
	private static Map<String, String> values(String output) {
		Map<String, String> values = new LinkedHashMap<>();
		output.lines().forEach((line) -> {
			String text = line.replaceFirst("^[\\s|`-]+", "");
			int colon = text.indexOf(':');
			if (colon > 0) {
				values.put(text.substring(0, colon).strip(), text.substring(colon + 1).strip());
			}
		});
		return values;
	}

	private static int number(String value) {
		if (value == null || !value.matches("\\d{1,9}")) {
			return 0;
		}
		return Integer.parseInt(value);
	}

}
