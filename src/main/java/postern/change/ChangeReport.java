package postern.change;

import java.util.List;

/**
 * A change made and applied in one API call, as JSON: its id (its page is
 * {@code /changes/{id}}), its state, the diff of each file with its validation, and the
 * result log.
 *
 * @param id the change's id
 * @param state e.g. {@code APPLIED} or {@code ROLLED_BACK}
 * @param applied whether it is now applied
 * @param files the files it edits
 * @param steps what applying it did
 */
public record ChangeReport(long id, String state, boolean applied, List<FileReport> files, List<StepReport> steps) {

	/**
	 * One file of the change.
	 *
	 * @param path the file
	 * @param diff the unified diff
	 * @param valid whether its validator accepted it ({@code null} when it has none)
	 * @param validation what the validator said
	 */
	public record FileReport(String path, String diff, Boolean valid, String validation) {
	}

	/**
	 * One step of the result log.
	 *
	 * @param success whether it succeeded
	 * @param message what it did, in the reader's language
	 * @param output what ran said
	 */
	public record StepReport(boolean success, String message, String output) {
	}

}
