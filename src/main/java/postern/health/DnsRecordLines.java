package postern.health;

import postern.mail.DnsRecord;

/**
 * Zone file lines for records the mail feature does not list (addresses, PTR, TLSA).
 */
final class DnsRecordLines {

	private DnsRecordLines() {
	}

	static String line(String name, String type, String value) {
		return new DnsRecord(name, type, value, value, "").zoneLine();
	}

	static String txt(String name, String text) {
		return new DnsRecord(name, "TXT", text, "\"" + text + "\"", "").zoneLine();
	}

	static String tlsa(String mxHost, String sha256) {
		return line("_25._tcp." + mxHost, "TLSA", "3 1 1 " + sha256);
	}

}
