package postern.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rule of {@code ufw status verbose}.
 *
 * @param to what the rule is about: ports ({@code 25/tcp}, {@code 80,443/tcp},
 * {@code 6000:6007/tcp}), an application profile ({@code OpenSSH}) or {@code Anywhere}
 * @param action {@code ALLOW IN}, {@code DENY IN}, {@code LIMIT IN}, {@code REJECT OUT},
 * …
 * @param from where from: {@code Anywhere} or an address or network
 * @param comment the rule's comment, or empty
 * @param ipv6 whether it is the IPv6 twin of a rule
 */
public record FirewallRule(String to, String action, String from, String comment, boolean ipv6) {

	/** {@code <to> <ACTION> [IN|OUT|FWD] <from>}, columns separated by spaces. */
	private static final Pattern RULE = Pattern
		.compile("(.+?)\\s+((?:ALLOW|DENY|REJECT|LIMIT)(?: (?:IN|OUT|FWD))?)\\s+(.+?)");

	private static final String V6 = " (v6)";

	/** The ports of ufw's application profiles that Debian ships for the servers here. */
	private static final Map<String, List<Integer>> PROFILES = Map.ofEntries(Map.entry("openssh", List.of(22)),
			Map.entry("www", List.of(80)), Map.entry("www secure", List.of(443)),
			Map.entry("www full", List.of(80, 443)), Map.entry("postfix", List.of(25)),
			Map.entry("postfix smtps", List.of(465)), Map.entry("postfix submission", List.of(587)),
			Map.entry("dovecot secure imap", List.of(993)), Map.entry("dovecot imap", List.of(143)),
			Map.entry("caddy", List.of(80, 443)), Map.entry("caddy full", List.of(80, 443)),
			Map.entry("caddy secure", List.of(443)));

	/**
	 * Parse one line of the rule table.
	 * @param line a line after the table's header
	 * @return the rule, or empty when the line is not one
	 */
	static Optional<FirewallRule> parse(String line) {
		String text = line.strip();
		String comment = "";
		int hash = text.indexOf(" # ");
		if (hash >= 0) {
			comment = text.substring(hash + 3).strip();
			text = text.substring(0, hash).strip();
		}
		Matcher matcher = RULE.matcher(text);
		if (!matcher.matches()) {
			return Optional.empty();
		}
		String to = matcher.group(1).strip();
		String from = matcher.group(3).strip();
		boolean ipv6 = to.endsWith(V6) || from.endsWith(V6);
		return Optional.of(new FirewallRule(strip(to), matcher.group(2), strip(from), comment, ipv6));
	}

	/**
	 * Whether the rule lets anyone in on a TCP port.
	 * @param port a port number
	 * @return {@code true} for an {@code ALLOW} or {@code LIMIT} rule coming in from
	 * anywhere that covers the port
	 */
	public boolean letsInFromAnywhere(int port) {
		boolean allows = this.action.equals("ALLOW") || this.action.equals("ALLOW IN") || this.action.equals("LIMIT")
				|| this.action.equals("LIMIT IN");
		return allows && this.from.equals("Anywhere") && ports().map((ports) -> ports.contains(port)).orElse(true);
	}

	/**
	 * The TCP ports the rule is about.
	 * @return the ports; empty when it is about every port ({@code Anywhere})
	 */
	Optional<List<Integer>> ports() {
		if (this.to.equals("Anywhere")) {
			return Optional.empty();
		}
		List<Integer> profile = PROFILES.get(this.to.toLowerCase(Locale.ROOT));
		if (profile != null) {
			return Optional.of(profile);
		}
		// "192.0.2.1 443/tcp": an address, then the ports.
		String spec = this.to.substring(this.to.lastIndexOf(' ') + 1);
		int slash = spec.indexOf('/');
		if (slash >= 0) {
			if (!spec.substring(slash + 1).equals("tcp")) {
				return Optional.of(List.of());
			}
			spec = spec.substring(0, slash);
		}
		List<Integer> ports = new ArrayList<>();
		for (String part : spec.split(",")) {
			addPorts(ports, part);
		}
		return Optional.of(ports);
	}

	private static void addPorts(List<Integer> ports, String part) {
		if (part.matches("\\d{1,5}")) {
			ports.add(Integer.parseInt(part));
		}
		else if (part.matches("\\d{1,5}:\\d{1,5}")) {
			int colon = part.indexOf(':');
			int first = Integer.parseInt(part.substring(0, colon));
			int last = Math.min(Integer.parseInt(part.substring(colon + 1)), 65535);
			for (int port = first; port <= last; port++) {
				ports.add(port);
			}
		}
	}

	private static String strip(String column) {
		return column.endsWith(V6) ? column.substring(0, column.length() - V6.length()) : column;
	}

}
