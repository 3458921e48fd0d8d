package postern.host;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Called by {@link LocalHost} between writing the temp file and renaming it over the
 * target, so tests can fail or kill the writer at the worst moment.
 */
@FunctionalInterface
interface WriteFaultHook {

	/** The hook of production code: do nothing. */
	WriteFaultHook NONE = (temp, target) -> {
	};

	/**
	 * Called once the temp file is complete and fsynced, before the rename.
	 * @param temp the temp file, next to the target
	 * @param target the file about to be replaced
	 * @throws IOException to make the write fail
	 */
	void beforeRename(Path temp, Path target) throws IOException;

}
