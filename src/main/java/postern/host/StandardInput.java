package postern.host;

import java.io.IOException;
import java.io.OutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a command's standard input and closes it, for local processes and remote exec
 * channels alike.
 */
final class StandardInput {

	private static final Logger logger = LoggerFactory.getLogger(StandardInput.class);

	private StandardInput() {
	}

	/**
	 * Write the bytes, then close the stream; close it at once when there are none. The
	 * bytes are written from their own thread: a command that does not read its input
	 * would otherwise block the caller past the timeout once the pipe or window is full.
	 * @param stdin the command's standard input
	 * @param input the bytes, or {@code null} for none
	 */
	static void feed(OutputStream stdin, byte[] input) {
		if (input == null) {
			closeQuietly(stdin);
			return;
		}
		Thread feeder = new Thread(() -> {
			try (stdin) {
				stdin.write(input);
			}
			catch (IOException ex) {
				// The command exited or closed its input: what it read is up to it
				logger.debug("Standard input not fully read", ex);
			}
		}, "postern-stdin");
		feeder.setDaemon(true);
		feeder.start();
	}

	private static void closeQuietly(OutputStream stream) {
		try {
			stream.close();
		}
		catch (IOException ex) {
			logger.debug("Could not close standard input", ex);
		}
	}

}
