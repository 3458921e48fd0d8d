package postern;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The hostile-input corpus of {@code src/test/resources/postern/hostile-inputs.txt}:
 * every entry as the bytes a browser would send, with its section and line. The file's
 * header describes its escapes.
 */
public final class HostileCorpus {

	private static final String RESOURCE = "/postern/hostile-inputs.txt";

	private HostileCorpus() {
	}

	/**
	 * Every entry of the corpus, in file order.
	 * @return the entries
	 */
	public static List<Entry> entries() {
		try (InputStream in = HostileCorpus.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("No " + RESOURCE + " on the class path");
			}
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<Entry> parse(String text) {
		List<Entry> entries = new ArrayList<>();
		String section = "";
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			if (line.startsWith("## [")) {
				section = line.substring(4, line.indexOf(']'));
			}
			if (line.isEmpty() || line.startsWith("##")) {
				continue;
			}
			if (line.endsWith(" ") || line.endsWith("\t") || line.startsWith(" ")) {
				throw new IllegalArgumentException("Line " + (i + 1) + ": blanks at an end must be written \\s or \\t");
			}
			entries.add(new Entry(section, i + 1, decode(line, i + 1)));
		}
		return entries;
	}

	/**
	 * The bytes an entry stands for.
	 */
	static byte[] decode(String line, int number) {
		List<byte[]> units = new ArrayList<>();
		int i = 0;
		while (i < line.length()) {
			char c = line.charAt(i);
			if (c != '\\') {
				int codePoint = line.codePointAt(i);
				units.add(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
				i += Character.charCount(codePoint);
				continue;
			}
			if (i + 1 >= line.length()) {
				throw bad(number, "a backslash at the end");
			}
			char escape = line.charAt(i + 1);
			i += 2;
			switch (escape) {
				case 'n' -> units.add(new byte[] { '\n' });
				case 'r' -> units.add(new byte[] { '\r' });
				case 't' -> units.add(new byte[] { '\t' });
				case '0' -> units.add(new byte[] { 0 });
				case 's' -> units.add(new byte[] { ' ' });
				case '\\' -> units.add(new byte[] { '\\' });
				case '#' -> units.add(new byte[] { '#' });
				case 'x' -> {
					units.add(new byte[] { (byte) Integer.parseInt(line.substring(i, i + 2), 16) });
					i += 2;
				}
				case 'u' -> {
					char unit = (char) Integer.parseInt(line.substring(i, i + 4), 16);
					i += 4;
					units.add(String.valueOf(unit).getBytes(StandardCharsets.UTF_8));
				}
				case '{' -> {
					int end = line.indexOf('}', i);
					if (end < 0 || units.isEmpty()) {
						throw bad(number, "\\{N} needs a character before it and a closing brace");
					}
					int times = Integer.parseInt(line.substring(i, end));
					byte[] last = units.get(units.size() - 1);
					for (int n = 1; n < times; n++) {
						units.add(last);
					}
					i = end + 1;
				}
				default -> throw bad(number, "unknown escape \\" + escape);
			}
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		units.forEach(bytes::writeBytes);
		return bytes.toByteArray();
	}

	private static IllegalArgumentException bad(int line, String why) {
		return new IllegalArgumentException("Line " + line + " of " + RESOURCE + ": " + why);
	}

	/**
	 * One entry.
	 *
	 * @param section the section it is in, e.g. {@code line-breaks}
	 * @param line its line in the file
	 * @param bytes what it stands for, possibly not valid UTF-8
	 */
	public record Entry(String section, int line, byte[] bytes) {

		/**
		 * The text a server reads from these bytes (invalid UTF-8 becomes U+FFFD).
		 * @return the decoded text
		 */
		public String text() {
			return new String(this.bytes, StandardCharsets.UTF_8);
		}

		/**
		 * The bytes percent-encoded for a form body or a query string.
		 * @return e.g. {@code a%0Ab}
		 */
		public String percentEncoded() {
			StringBuilder encoded = new StringBuilder();
			for (byte b : this.bytes) {
				int value = b & 0xff;
				if ((value >= 'a' && value <= 'z') || (value >= 'A' && value <= 'Z') || (value >= '0' && value <= '9')
						|| value == '-' || value == '.' || value == '_' || value == '~') {
					encoded.append((char) value);
				}
				else {
					encoded.append('%')
						.append(Character.toUpperCase(Character.forDigit(value >> 4, 16)))
						.append(Character.toUpperCase(Character.forDigit(value & 0xf, 16)));
				}
			}
			return encoded.toString();
		}

		/**
		 * A short, printable form for test messages.
		 * @return the line and the start of the text with escapes
		 */
		@Override
		public String toString() {
			String text = text();
			String shown = (text.length() > 40) ? text.substring(0, 40) + "… (" + text.length() + " chars)" : text;
			StringBuilder printable = new StringBuilder();
			shown.codePoints().forEach((cp) -> {
				if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
					printable.append(String.format("\\x%02x", cp));
				}
				else {
					printable.appendCodePoint(cp);
				}
			});
			return "[" + this.section + " line " + this.line + "] " + printable;
		}

	}

}
