package postern.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The firewall as {@code ufw status verbose} shows it.
 *
 * @param active whether ufw is enabled
 * @param logging its logging setting, e.g. {@code on (low)}; empty when inactive
 * @param defaults the default policy per direction ({@code incoming} → {@code deny}, …)
 * @param rules the rules, in ufw's order
 */
public record FirewallStatus(boolean active, String logging, Map<String, String> defaults, List<FirewallRule> rules) {

	public FirewallStatus {
		defaults = Map.copyOf(defaults);
		rules = List.copyOf(rules);
	}

	/**
	 * Parse {@code ufw status verbose}.
	 * @param output what ufw printed
	 * @return the firewall's state
	 */
	public static FirewallStatus parse(String output) {
		boolean active = false;
		String logging = "";
		Map<String, String> defaults = new LinkedHashMap<>();
		List<FirewallRule> rules = new ArrayList<>();
		boolean table = false;
		for (String line : output.lines().toList()) {
			if (table) {
				FirewallRule.parse(line).ifPresent(rules::add);
			}
			else if (line.startsWith("Status:")) {
				active = line.substring("Status:".length()).strip().equals("active");
			}
			else if (line.startsWith("Logging:")) {
				logging = line.substring("Logging:".length()).strip();
			}
			else if (line.startsWith("Default:")) {
				// "deny (incoming), allow (outgoing), disabled (routed)"
				for (String policy : line.substring("Default:".length()).split(",")) {
					String[] words = policy.strip().split("\\s+");
					if (words.length == 2 && words[1].startsWith("(") && words[1].endsWith(")")) {
						defaults.put(words[1].substring(1, words[1].length() - 1), words[0]);
					}
				}
			}
			else if (line.startsWith("--")) {
				table = true;
			}
		}
		return new FirewallStatus(active, logging, defaults, rules);
	}

	/**
	 * The ports among those given that the firewall does not let in from anywhere.
	 * @param needed the TCP ports the server needs open
	 * @return those that no rule (or default policy) allows; empty when ufw is inactive
	 */
	public List<Integer> closedPorts(Collection<Integer> needed) {
		if (!this.active || "allow".equals(this.defaults.get("incoming"))) {
			return List.of();
		}
		return needed.stream()
			.distinct()
			.filter((port) -> this.rules.stream().noneMatch((rule) -> rule.letsInFromAnywhere(port)))
			.sorted()
			.toList();
	}

	/**
	 * The default policy of incoming traffic.
	 * @return e.g. {@code deny}, or empty when unknown
	 */
	public String defaultIncoming() {
		return this.defaults.getOrDefault("incoming", "");
	}

	/**
	 * The default policy of outgoing traffic.
	 * @return e.g. {@code allow}, or empty when unknown
	 */
	public String defaultOutgoing() {
		return this.defaults.getOrDefault("outgoing", "");
	}

	/**
	 * The default policy of routed traffic.
	 * @return e.g. {@code disabled}, or empty when unknown
	 */
	public String defaultRouted() {
		return this.defaults.getOrDefault("routed", "");
	}

}
