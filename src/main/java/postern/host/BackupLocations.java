package postern.host;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where backups live inside a backups folder, shared by every kind of host: one folder
 * per file, named after the file's URL-encoded absolute path, holding one file per
 * backup, named after its UTC time with nanoseconds. The layout alone says which file a
 * backup belongs to and when it was taken, so no index file can get out of step with the
 * backups.
 */
final class BackupLocations {

	/** Fixed width, so names sort in time order. */
	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss.SSSSSSSSS'Z'")
		.withZone(ZoneOffset.UTC);

	private BackupLocations() {
	}

	/**
	 * The folder, inside the backups folder, that holds the backups of one file.
	 * @param path the file's absolute path
	 * @return a single path segment
	 */
	static String folderName(Path path) {
		return URLEncoder.encode(PathLocks.key(path).toString(), StandardCharsets.UTF_8);
	}

	/**
	 * The file a backup folder holds backups of.
	 * @param folderName a {@link #folderName(Path) folder name}
	 * @return the file's absolute path, or empty when the name is not one of ours
	 */
	static Optional<Path> originalPath(String folderName) {
		try {
			String decoded = URLDecoder.decode(folderName, StandardCharsets.UTF_8);
			Path path = Path.of(decoded);
			boolean ours = path.isAbsolute() && path.normalize().equals(path) && folderName(path).equals(folderName);
			return ours ? Optional.of(path) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	static String fileName(Instant takenAt) {
		return TIMESTAMP.format(takenAt);
	}

	/**
	 * When a backup was taken.
	 * @param fileName a {@link #fileName(Instant) backup file name}
	 * @return the time, or empty when the name is not one of ours
	 */
	static Optional<Instant> takenAt(String fileName) {
		try {
			return Optional.of(Instant.from(TIMESTAMP.parse(fileName)));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The name of a new backup in a folder. Two writes within the clock's resolution get
	 * distinct names: the later one is moved on by a nanosecond, which keeps the name
	 * order the write order.
	 * @param now the clock's time
	 * @param existing the names already in the backup's folder
	 * @return a name later than every existing backup's
	 */
	static String nextFileName(Instant now, Collection<String> existing) {
		Optional<Instant> newest = existing.stream()
			.map(BackupLocations::takenAt)
			.flatMap(Optional::stream)
			.max(Comparator.naturalOrder());
		Instant takenAt = now;
		if (newest.isPresent() && !takenAt.isAfter(newest.get())) {
			takenAt = newest.get().plusNanos(1);
		}
		return fileName(takenAt);
	}

	/**
	 * The backups of one file that rotation deletes.
	 * @param names the names in the backup's folder
	 * @param keep how many backups of one file are kept
	 * @return the names of the backups older than the newest {@code keep}
	 */
	static List<String> beyondKeep(Collection<String> names, int keep) {
		List<String> backups = names.stream()
			.filter((name) -> takenAt(name).isPresent())
			.sorted(Comparator.reverseOrder())
			.toList();
		return backups.subList(Math.min(keep, backups.size()), backups.size());
	}

	/**
	 * The opaque, URL-safe id of a backup.
	 * @param folderName the backup's folder name
	 * @param fileName the backup's file name
	 * @return base64url of {@code folder/file}
	 */
	static String id(String folderName, String fileName) {
		byte[] location = (folderName + "/" + fileName).getBytes(StandardCharsets.UTF_8);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(location);
	}

	/**
	 * The location an id stands for, when it is a well-formed id of a backup. Ids come
	 * from URLs, so anything that could name a file outside the backups folder is refused
	 * here.
	 * @param id an id from a URL
	 * @return the folder and file name, or empty
	 */
	static Optional<Location> parse(String id) {
		if (id == null || id.isEmpty() || id.length() > 2000) {
			return Optional.empty();
		}
		String decoded;
		try {
			decoded = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		String[] parts = decoded.split("/", -1);
		if (parts.length != 2) {
			return Optional.empty();
		}
		Optional<Path> original = originalPath(parts[0]);
		Optional<Instant> takenAt = takenAt(parts[1]);
		if (original.isEmpty() || takenAt.isEmpty() || !fileName(takenAt.get()).equals(parts[1])) {
			return Optional.empty();
		}
		return Optional.of(new Location(parts[0], parts[1], original.get(), takenAt.get()));
	}

	/**
	 * Where one backup is.
	 *
	 * @param folderName the folder inside the backups folder
	 * @param fileName the file inside that folder
	 * @param original the file it is a backup of
	 * @param takenAt when it was taken
	 */
	record Location(String folderName, String fileName, Path original, Instant takenAt) {

		String id() {
			return BackupLocations.id(this.folderName, this.fileName);
		}

		/**
		 * The backup's file. Ids come from URLs: even a well-formed one must not lead out
		 * of the backups folder.
		 * @param backupsDir the absolute, normalized backups folder
		 * @return the file, two levels below the backups folder
		 * @throws HostException when the location would lead elsewhere
		 */
		Path resolveIn(Path backupsDir) {
			Path file = backupsDir.resolve(this.folderName).resolve(this.fileName).normalize();
			if (!file.startsWith(backupsDir) || !file.getParent().getParent().equals(backupsDir)) {
				throw new HostException("Not a backup: " + id());
			}
			return file;
		}

	}

}
