package postern.host;

import java.nio.file.Path;

/**
 * A file changed on disk after Postern read it, so Postern refused to overwrite it.
 */
public class FileConflictException extends HostException {

	private final Path path;

	public FileConflictException(Path path) {
		super(path + " changed on disk since it was read; nothing was written");
		this.path = path;
	}

	public Path getPath() {
		return this.path;
	}

}
