package postern.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The realistic mail files of {@code src/test/resources/mail}, and a line-by-line
 * comparison for the tests that check an edit touches only its own lines.
 */
final class MailFixtures {

	private MailFixtures() {
	}

	static String read(String name) {
		try {
			return Files.readString(Path.of("src/test/resources/mail", name), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The lines that differ between two texts of the same length in lines, or every line
	 * from the first difference when lines were added or removed.
	 */
	static List<String> changedLines(String before, String after) {
		List<String> a = List.of(before.split("\n", -1));
		List<String> b = List.of(after.split("\n", -1));
		List<String> changed = new ArrayList<>();
		int common = Math.min(a.size(), b.size());
		for (int i = 0; i < common; i++) {
			if (!a.get(i).equals(b.get(i))) {
				changed.add(a.get(i) + " -> " + b.get(i));
			}
		}
		if (a.size() != b.size()) {
			changed.add((a.size() - b.size()) + " lines");
		}
		return changed;
	}

}
