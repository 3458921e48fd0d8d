package postern.host;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;

/**
 * Called by {@link LocalHost} while it writes the temp file of a managed file and between
 * writing it and renaming it over the target, so tests can fail or kill the writer at the
 * worst moments (a full disk, a power cut).
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

	/**
	 * The channel the temp file's bytes go through.
	 * @param temp the temp file being written
	 * @param channel its channel
	 * @return the channel to write to; production code writes to the file's own
	 */
	default WritableByteChannel channel(Path temp, FileChannel channel) {
		return channel;
	}

}
