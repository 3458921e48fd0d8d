package postern.change.web;

import java.util.List;

/**
 * One line of a unified diff, with the CSS class it is shown with.
 *
 * @param text the line as in the diff
 * @param cssClass {@code diff-add}, {@code diff-del}, {@code diff-hunk},
 * {@code diff-file} (the {@code ---}/{@code +++} header) or {@code diff-context}
 */
record DiffLine(String text, String cssClass) {

	/**
	 * The lines of a unified diff.
	 * @param diff a diff as made by {@link postern.host.FileDiff#unified}
	 * @return its lines, empty for an empty diff
	 */
	static List<DiffLine> of(String diff) {
		if (diff == null || diff.isEmpty()) {
			return List.of();
		}
		return diff.lines().map(DiffLine::line).toList();
	}

	private static DiffLine line(String text) {
		if (text.startsWith("+++") || text.startsWith("---")) {
			return new DiffLine(text, "diff-file");
		}
		if (text.startsWith("@@")) {
			return new DiffLine(text, "diff-hunk");
		}
		if (text.startsWith("+")) {
			return new DiffLine(text, "diff-add");
		}
		if (text.startsWith("-")) {
			return new DiffLine(text, "diff-del");
		}
		return new DiffLine(text, "diff-context");
	}

}
