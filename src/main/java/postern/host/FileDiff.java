package postern.host;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

/**
 * Unified diffs of file contents, as shown before an apply and kept in the audit log.
 */
public final class FileDiff {

	private static final int CONTEXT_LINES = 3;

	private FileDiff() {
	}

	/**
	 * The unified diff between two versions of a file.
	 * @param path the file, named in the diff's header
	 * @param before the old bytes (empty for a new file)
	 * @param after the new bytes
	 * @return the diff, or an empty string when nothing changed
	 */
	public static String unified(Path path, byte[] before, byte[] after) {
		if (Arrays.equals(before, after)) {
			return "";
		}
		List<String> original = lines(before);
		List<String> revised = lines(after);
		Patch<String> patch = DiffUtils.diff(original, revised);
		String name = path.toString();
		List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("a" + name, "b" + name, original, patch,
				CONTEXT_LINES);
		if (diff.isEmpty()) {
			// Same lines, different bytes: only the final newline or line endings
			// changed.
			return "--- a" + name + "\n+++ b" + name + "\n@@ line endings changed @@\n";
		}
		return String.join("\n", diff) + "\n";
	}

	private static List<String> lines(byte[] bytes) {
		if (bytes.length == 0) {
			return List.of();
		}
		return new String(bytes, StandardCharsets.UTF_8).lines().toList();
	}

}
