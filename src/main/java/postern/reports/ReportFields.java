package postern.reports;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import postern.names.IpAddresses;

/**
 * Checks on the values a report carries, which are stored and shown: lengths, counts,
 * addresses and names.
 */
final class ReportFields {

	static final int MAX_LENGTH = 255;

	private static final Pattern IPV4 = Pattern
		.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]{2,45}");

	private static final Pattern NAME = Pattern
		.compile("[a-z0-9]([a-z0-9_-]*[a-z0-9])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9])?)*\\.?");

	private ReportFields() {
	}

	static String required(Map<String, String> fields, String name) throws UnreadableReportException {
		String value = fields.get(name);
		if (value == null || value.isBlank()) {
			throw new UnreadableReportException("reports.unreadable.missing", name);
		}
		return text(value, name);
	}

	static String text(String value, String name) throws UnreadableReportException {
		if (value.length() > MAX_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
			throw new UnreadableReportException("reports.unreadable.field", name);
		}
		return value;
	}

	static long count(String value) throws UnreadableReportException {
		if (!value.matches("\\d{1,12}")) {
			throw new UnreadableReportException("reports.unreadable.number", value);
		}
		return Long.parseLong(value);
	}

	/**
	 * An IPv4 or IPv6 literal, in canonical text (RFC 5952 for IPv6).
	 */
	static String address(String value) throws UnreadableReportException {
		String lower = value.strip().toLowerCase(Locale.ROOT);
		boolean v6 = IPV6.matcher(lower).matches() && isIpv6(lower);
		if (!IPV4.matcher(lower).matches() && !v6) {
			throw new UnreadableReportException("reports.unreadable.address", oneLine(value));
		}
		// one text per address, as the server's own addresses are written, so they match
		return IpAddresses.normal(lower);
	}

	private static boolean isIpv6(String text) {
		String[] halves = text.split("::", -1);
		if (halves.length > 2) {
			return false;
		}
		int groups = 0;
		for (int i = 0; i < halves.length; i++) {
			if (halves[i].isEmpty()) {
				continue;
			}
			String[] parts = halves[i].split(":", -1);
			for (int j = 0; j < parts.length; j++) {
				boolean lastOfAll = (i == halves.length - 1) && (j == parts.length - 1);
				if (lastOfAll && IPV4.matcher(parts[j]).matches()) {
					groups += 2;
				}
				else if (parts[j].matches("[0-9a-f]{1,4}")) {
					groups++;
				}
				else {
					return false;
				}
			}
		}
		return (halves.length == 2) ? groups < 8 : groups == 8;
	}

	static String domain(String value) throws UnreadableReportException {
		String lower = value.strip().toLowerCase(Locale.ROOT);
		if (lower.endsWith(".")) {
			lower = lower.substring(0, lower.length() - 1);
		}
		if (!NAME.matcher(lower).matches()) {
			throw new UnreadableReportException("reports.unreadable.domain", oneLine(value));
		}
		return lower;
	}

	static String optionalName(String value) {
		String lower = (value == null) ? "" : value.strip().toLowerCase(Locale.ROOT);
		if (lower.endsWith(".")) {
			lower = lower.substring(0, lower.length() - 1);
		}
		return (lower.length() <= MAX_LENGTH && NAME.matcher(lower).matches()) ? lower : "";
	}

	static String oneLine(String message) {
		String line = (message == null) ? "" : message.replaceAll("\\s+", " ").strip();
		return (line.length() > 300) ? line.substring(0, 300) + "…" : line;
	}

}
