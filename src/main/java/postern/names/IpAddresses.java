package postern.names;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The one way an IP address is turned to text, on pages, in messages, BIND snippets, the
 * API and the audit log: IPv4 in dotted decimal, IPv6 in the form of RFC 5952 (lower
 * case, no leading zeros, the longest run of two or more zero groups as {@code ::}, the
 * first of equal runs, an IPv4-mapped address ending in dotted decimal). Java's own
 * {@code getHostAddress()} writes every group, as {@code 0:0:0:0:0:0:0:1}.
 */
public final class IpAddresses {

	private IpAddresses() {
	}

	/**
	 * An address as text.
	 * @param address the address
	 * @return its canonical text, without a scope
	 */
	public static String text(InetAddress address) {
		if (address instanceof Inet6Address) {
			return ipv6(address.getAddress());
		}
		return address.getHostAddress();
	}

	/**
	 * An address written by someone else (a setting, a command's output, a request), in
	 * canonical text.
	 * @param text the address; anything that is not an IP literal is given back unchanged
	 * @return the canonical text, keeping a {@code %scope} suffix
	 */
	public static String normal(String text) {
		if (text == null) {
			return null;
		}
		String address = text.strip();
		int percent = address.indexOf('%');
		String scope = (percent >= 0) ? address.substring(percent) : "";
		String literal = (percent >= 0) ? address.substring(0, percent) : address;
		if (literal.startsWith("[") && literal.endsWith("]")) {
			literal = literal.substring(1, literal.length() - 1);
		}
		if (!literal.matches("[0-9a-fA-F:.]+") || !(literal.contains(":") || literal.contains("."))) {
			return text;
		}
		try {
			// a literal: nothing is resolved
			InetAddress parsed = InetAddress.getByName(literal);
			if (parsed instanceof Inet4Address && literal.contains(":")) {
				// Java turns ::ffff:a.b.c.d into a.b.c.d; RFC 5952 keeps the mapped form
				return "::ffff:" + parsed.getHostAddress() + scope;
			}
			return text(parsed) + scope;
		}
		catch (UnknownHostException ex) {
			return text;
		}
	}

	private static String ipv6(byte[] bytes) {
		int[] groups = new int[8];
		for (int i = 0; i < 8; i++) {
			groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
		}
		if (groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0
				&& groups[5] == 0xffff) {
			return "::ffff:" + (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "."
					+ (bytes[15] & 0xff);
		}
		int bestStart = -1;
		int bestLength = 1;
		for (int i = 0; i < 8;) {
			if (groups[i] != 0) {
				i++;
				continue;
			}
			int start = i;
			while (i < 8 && groups[i] == 0) {
				i++;
			}
			if (i - start > bestLength) {
				bestStart = start;
				bestLength = i - start;
			}
		}
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			if (i == bestStart) {
				text.append("::");
				i += bestLength - 1;
				continue;
			}
			if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
				text.append(':');
			}
			text.append(Integer.toHexString(groups[i]));
		}
		return text.toString().toLowerCase(Locale.ROOT);
	}

}
