package postern.change.web;

import java.nio.file.Path;
import java.util.List;

import postern.change.ChangeFile;

/**
 * A file of a change as its page shows it.
 *
 * @param path the file
 * @param created whether the change creates it
 * @param lines its diff, line by line
 * @param validator the validator's id, or {@code null} for none
 * @param validationOk what the validator said at preview, or {@code null}
 * @param validationOutput the validator's output
 */
record FileView(Path path, boolean created, List<DiffLine> lines, String validator, Boolean validationOk,
		String validationOutput) {

	static FileView of(ChangeFile file) {
		return new FileView(file.getPath(), !file.isOriginalExists(), DiffLine.of(file.getDiff()), file.getValidator(),
				file.getValidationOk(), file.getValidationOutput());
	}

}
