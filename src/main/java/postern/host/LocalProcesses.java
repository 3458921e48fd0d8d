package postern.host;

import java.io.IOException;
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
		OutputDrain stdout = OutputDrain.start(process.getInputStream(), "stdout");
		OutputDrain stderr = OutputDrain.start(process.getErrorStream(), "stderr");
		StandardInput.feed(process.getOutputStream(), command.stdin());
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
			ProcessBuilder builder = new ProcessBuilder(command.argv());
			if (command.environment() != null) {
				builder.environment().clear();
				builder.environment().putAll(command.environment());
			}
			return builder.start();
		}
		catch (IOException | RuntimeException ex) {
			throw new CommandStartException(command, ex);
		}
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

}
