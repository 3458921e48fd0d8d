package postern.host;

import java.nio.file.Path;

/**
 * What Postern's own user can do with a path.
 *
 * @param path the absolute path on the host
 * @param exists whether it exists
 * @param directory whether it is a folder
 * @param readable whether Postern can read it
 * @param writable whether Postern can write it
 * @param executable whether Postern can execute it (or enter it, for a folder)
 * @param owner the owner's user name ({@code null} when missing)
 * @param group the group name ({@code null} when missing)
 * @param mode the permission bits ({@code 0} when missing)
 */
public record FileStatus(Path path, boolean exists, boolean directory, boolean readable, boolean writable,
		boolean executable, String owner, String group, int mode) {

	/**
	 * The status of a missing path.
	 * @param path the path
	 * @return a status that does not exist
	 */
	public static FileStatus missing(Path path) {
		return new FileStatus(path, false, false, false, false, false, null, null, 0);
	}

}
