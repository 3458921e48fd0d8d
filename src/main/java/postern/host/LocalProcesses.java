package postern.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs commands as local processes: argv only (no shell), standard input written then
 * closed, both outputs drained at once so a chatty process never blocks on a full pipe,
 * and the whole process tree killed at the timeout.
 */
final class LocalProcesses {

	private static final Logger logger = LoggerFactory.getLogger(LocalProcesses.class);

	/** Keeps a runaway process from filling the heap; the rest is read and dropped. */
	private static final int MAX_OUTPUT_BYTES = 32 * 1024 * 1024;

	/** How long killed processes and their pipes get to go away. */
	private static final Duration KILL_GRACE = Duration.ofSeconds(5);

	private LocalProcesses() {
	}

	/**
	 * Run a command and wait for it, at most its timeout.
	 * @param command the command
	 * @return its result; exit code {@code -1} and {@code timedOut} when it was killed
	 * @throws CommandStartException when the program cannot be started
	 * @throws HostException when the calling thread is interrupted (the process tree is
	 * killed and the interrupt flag kept)
	 */
	static CommandResult run(Command command) {
		logger.debug("Running {}", command);
		long started = System.nanoTime();
		Process process = start(command);
		Drain stdout = Drain.start(process.getInputStream(), "stdout");
		Drain stderr = Drain.start(process.getErrorStream(), "stderr");
		feed(process, command.stdin());
		boolean exited = waitFor(process, command);
		if (!exited) {
			killTree(process);
		}
		long deadline = started + command.timeout().toNanos() + KILL_GRACE.toNanos();
		String out = stdout.finish(deadline);
		String err = stderr.finish(deadline);
		Duration duration = Duration.ofNanos(System.nanoTime() - started);
		return new CommandResult(exited ? process.exitValue() : -1, out, err, duration, !exited);
	}

	private static Process start(Command command) {
		try {
			return new ProcessBuilder(command.argv()).start();
		}
		catch (IOException | RuntimeException ex) {
			throw new CommandStartException(command, ex);
		}
	}

	/**
	 * Standard input is written from its own thread: a process that does not read it
	 * would otherwise block this thread past the timeout once the pipe is full.
	 */
	private static void feed(Process process, byte[] input) {
		OutputStream stdin = process.getOutputStream();
		if (input == null) {
			closeQuietly(stdin);
			return;
		}
		Thread feeder = new Thread(() -> {
			try (stdin) {
				stdin.write(input);
			}
			catch (IOException ex) {
				// The process exited or closed its input: what it read is up to it
				logger.debug("Standard input not fully read", ex);
			}
		}, "postern-stdin");
		feeder.setDaemon(true);
		feeder.start();
	}

	private static boolean waitFor(Process process, Command command) {
		try {
			return process.waitFor(command.timeout().toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			killTree(process);
			Thread.currentThread().interrupt();
			throw new HostException("Interrupted while running " + command, ex);
		}
	}

	/**
	 * Kill the children first, so none is left behind holding our pipes or the files it
	 * was writing, then the process itself.
	 */
	static void killTree(Process process) {
		process.descendants().forEach(ProcessHandle::destroyForcibly);
		process.destroyForcibly();
		try {
			process.waitFor(KILL_GRACE.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void closeQuietly(OutputStream stream) {
		try {
			stream.close();
		}
		catch (IOException ex) {
			logger.debug("Could not close standard input", ex);
		}
	}

	/**
	 * Reads one output of a process on its own thread.
	 */
	private static final class Drain implements Runnable {

		private final InputStream in;

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private final Thread thread;

		private Drain(InputStream in, String name) {
			this.in = in;
			this.thread = new Thread(this, "postern-" + name);
			this.thread.setDaemon(true);
		}

		static Drain start(InputStream in, String name) {
			Drain drain = new Drain(in, name);
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

}
