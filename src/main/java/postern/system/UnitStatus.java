package postern.system;

import java.util.HashMap;
import java.util.Map;

/**
 * The state of a systemd unit, as {@code systemctl show} prints it.
 *
 * @param unit the unit's name, e.g. {@code caddy.service}
 * @param loadState {@code loaded}, {@code not-found}, …; {@value #UNKNOWN} when
 * {@code systemctl} could not be asked
 * @param activeState {@code active}, {@code inactive}, {@code failed}, …
 * @param subState {@code running}, {@code dead}, …
 * @param activeSince when it last became active, as systemd prints it; empty when never
 * @param mainPid the main process id, {@code 0} when none
 * @param memoryBytes memory in use, {@code -1} when not known
 * @param restarts how often systemd restarted it
 */
public record UnitStatus(String unit, String loadState, String activeState, String subState, String activeSince,
		long mainPid, long memoryBytes, int restarts) {

	/** The load state of a unit whose state could not be read. */
	public static final String UNKNOWN = "unknown";

	/**
	 * Parse the {@code Key=Value} lines of {@code systemctl show}.
	 * @param unit the unit asked for
	 * @param output what {@code systemctl show --property=…} printed
	 * @return the status; properties that are missing or unset get neutral values
	 */
	public static UnitStatus parse(String unit, String output) {
		Map<String, String> properties = new HashMap<>();
		output.lines().forEach((line) -> {
			int equals = line.indexOf('=');
			if (equals > 0) {
				properties.put(line.substring(0, equals), line.substring(equals + 1));
			}
		});
		return new UnitStatus(unit, properties.getOrDefault("LoadState", UNKNOWN),
				properties.getOrDefault("ActiveState", ""), properties.getOrDefault("SubState", ""),
				properties.getOrDefault("ActiveEnterTimestamp", ""), number(properties.get("MainPID"), 0),
				number(properties.get("MemoryCurrent"), -1), (int) number(properties.get("NRestarts"), 0));
	}

	/**
	 * The status of a unit that could not be asked about.
	 * @param unit the unit
	 * @return a status whose load state is {@value #UNKNOWN}
	 */
	public static UnitStatus unknown(String unit) {
		return new UnitStatus(unit, UNKNOWN, "", "", "", 0, -1, 0);
	}

	/**
	 * Whether systemd knows the unit.
	 * @return {@code true} when its unit file was loaded
	 */
	public boolean found() {
		return "loaded".equals(this.loadState);
	}

	/**
	 * Whether systemd could be asked at all.
	 * @return {@code false} when {@code systemctl} failed or could not run
	 */
	public boolean known() {
		return !UNKNOWN.equals(this.loadState);
	}

	/**
	 * Whether the unit runs.
	 * @return {@code true} when its active state is {@code active}
	 */
	public boolean active() {
		return "active".equals(this.activeState);
	}

	/**
	 * The memory in use, for reading.
	 * @return e.g. {@code 46.0 MiB}; empty when not known
	 */
	public String memory() {
		if (this.memoryBytes < 0) {
			return "";
		}
		return String.format(java.util.Locale.ROOT, "%.1f MiB", this.memoryBytes / (1024.0 * 1024.0));
	}

	private static long number(String value, long fallback) {
		// systemd prints "[not set]" or nothing for values it does not have.
		if (value == null || value.isEmpty() || !value.chars().allMatch(Character::isDigit)) {
			return fallback;
		}
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

}
