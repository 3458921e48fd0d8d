package postern.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one output of a command on its own thread, so a command that fills one stream
 * never blocks on it while the other is read. Used for local processes and remote exec
 * channels alike.
 */
final class OutputDrain implements Runnable {

	private static final Logger logger = LoggerFactory.getLogger(OutputDrain.class);

	/** Keeps a runaway process from filling the heap; the rest is read and dropped. */
	private static final int MAX_OUTPUT_BYTES = 32 * 1024 * 1024;

	private final InputStream in;

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	private final Thread thread;

	private OutputDrain(InputStream in, String name) {
		this.in = in;
		this.thread = new Thread(this, "postern-" + name);
		this.thread.setDaemon(true);
	}

	static OutputDrain start(InputStream in, String name) {
		OutputDrain drain = new OutputDrain(in, name);
		drain.thread.start();
		return drain;
	}

	@Override
	public void run() {
		byte[] buffer = new byte[8192];
		try (this.in) {
			int read;
			while ((read = this.in.read(buffer)) != -1) {
				append(buffer, read);
			}
		}
		catch (IOException ex) {
			logger.debug("Output of a process ended early", ex);
		}
	}

	private synchronized void append(byte[] buffer, int length) {
		int room = MAX_OUTPUT_BYTES - this.bytes.size();
		this.bytes.write(buffer, 0, Math.min(room, length));
	}

	/**
	 * The output read until the pipe closed, or until the deadline: a background
	 * grandchild that outlives the process may keep the pipe open for ever.
	 */
	String finish(long deadlineNanos) {
		long left = deadlineNanos - System.nanoTime();
		try {
			this.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		synchronized (this) {
			return this.bytes.toString(StandardCharsets.UTF_8);
		}
	}

}
