package postern.change;

import java.nio.file.Path;
import java.util.Objects;

import postern.host.FileSnapshot;

/**
 * One file of a {@link ChangeRequest}: its new content and the snapshot it was made from.
 *
 * @param path the file, an absolute path on the host
 * @param snapshot the file as it was read when the candidate was made
 * @param candidate the new bytes
 * @param validatorId the {@link ChangeValidator#id() validator} that checks it, or
 * {@code null} for none
 */
public record FileEdit(Path path, FileSnapshot snapshot, byte[] candidate, String validatorId) {

	public FileEdit {
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(snapshot, "snapshot");
		Objects.requireNonNull(candidate, "candidate");
		if (!path.equals(snapshot.path())) {
			throw new IllegalArgumentException("The snapshot of " + snapshot.path() + " is not one of " + path);
		}
		candidate = candidate.clone();
	}

	/**
	 * An edit of a file that no validator checks.
	 * @param snapshot the file as read
	 * @param candidate the new bytes
	 * @return the edit
	 */
	public static FileEdit of(FileSnapshot snapshot, byte[] candidate) {
		return new FileEdit(snapshot.path(), snapshot, candidate, null);
	}

	/**
	 * An edit of a file checked by a validator.
	 * @param snapshot the file as read
	 * @param candidate the new bytes
	 * @param validatorId the validator's id
	 * @return the edit
	 */
	public static FileEdit validated(FileSnapshot snapshot, byte[] candidate, String validatorId) {
		return new FileEdit(snapshot.path(), snapshot, candidate, validatorId);
	}

	@Override
	public byte[] candidate() {
		return this.candidate.clone();
	}

}
