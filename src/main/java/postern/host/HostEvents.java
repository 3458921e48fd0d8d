package postern.host;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Events a host publishes, so the audit log records every command and every write without
 * the host depending on it.
 */
public final class HostEvents {

	private HostEvents() {
	}

	/**
	 * A command ran (or was killed at its timeout).
	 *
	 * @param host the host's name
	 * @param kind the catalogue entry, or {@code null} for test commands
	 * @param argv the argv with secrets redacted
	 * @param exitCode its exit code
	 * @param duration how long it ran
	 * @param timedOut whether it was killed at its timeout
	 */
	public record CommandRan(String host, CommandKind kind, List<String> argv, int exitCode, Duration duration,
			boolean timedOut) {
	}

	/**
	 * A managed file was written.
	 *
	 * @param host the host's name
	 * @param path the file
	 * @param before its previous bytes (empty when it did not exist)
	 * @param after its new bytes
	 * @param backupId the backup taken before the write, or {@code null} when there was
	 * no previous file
	 */
	public record FileWritten(String host, Path path, byte[] before, byte[] after, String backupId) {
	}

	/**
	 * A remote host was added and its key confirmed: Postern may act on it from now on.
	 *
	 * @param host the host's name
	 */
	public record HostTrusted(String host) {
	}

}
