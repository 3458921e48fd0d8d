package postern.change;

import java.util.List;
import java.util.Objects;

/**
 * A change a feature wants to make: what it is called, the files it edits (written in
 * this order) and the reloaders to run after (in this order). Give it to
 * {@link ChangeService#preview(ChangeRequest)}.
 *
 * @param titleKey the message key of the title, or {@code null} to show {@code summary}
 * @param titleArgs the arguments of the title's message
 * @param summary a plain-text summary, used as the title when there is no key and in the
 * audit log (e.g. {@code new site shop.example.org})
 * @param edits the file edits, at least one
 * @param reloaderIds the {@link ChangeReloader#id() reloaders} to run after the writes
 * @param origin the panel's page where the edit was made, offered when the change must be
 * made again (a file changed on disk), or {@code null}
 */
public record ChangeRequest(String titleKey, List<String> titleArgs, String summary, List<FileEdit> edits,
		List<String> reloaderIds, String origin) {

	public ChangeRequest {
		titleArgs = (titleArgs != null) ? List.copyOf(titleArgs) : List.of();
		edits = List.copyOf(Objects.requireNonNull(edits, "edits"));
		reloaderIds = (reloaderIds != null) ? List.copyOf(reloaderIds) : List.of();
		if (edits.isEmpty()) {
			throw new IllegalArgumentException("A change edits at least one file");
		}
		if (edits.stream().map(FileEdit::path).distinct().count() != edits.size()) {
			throw new IllegalArgumentException("A change edits each file once");
		}
		if (titleKey == null && (summary == null || summary.isBlank())) {
			throw new IllegalArgumentException("A change needs a title key or a summary");
		}
	}

	/**
	 * A change titled by a message.
	 * @param titleKey the title's message key
	 * @param titleArgs its arguments
	 * @param summary a plain-text summary for the audit log
	 * @param edits the file edits
	 * @param reloaderIds the reloaders to run after the writes
	 * @return the request
	 */
	public static ChangeRequest titled(String titleKey, List<String> titleArgs, String summary, List<FileEdit> edits,
			List<String> reloaderIds) {
		return new ChangeRequest(titleKey, titleArgs, summary, edits, reloaderIds, null);
	}

	/**
	 * The same request with the page where it was made.
	 * @param originPath a path of the panel, e.g. {@code /sites/shop.example.org/edit}
	 * @return a new request
	 */
	public ChangeRequest withOrigin(String originPath) {
		return new ChangeRequest(this.titleKey, this.titleArgs, this.summary, this.edits, this.reloaderIds, originPath);
	}

}
