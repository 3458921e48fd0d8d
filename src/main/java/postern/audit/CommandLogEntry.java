package postern.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Table;

import postern.infrastructure.StoredRowListener;

/**
 * One command that only read, in the command log: kept for diagnosis, apart from the
 * audit log of actions, and pruned sooner.
 */
@Entity
@EntityListeners(StoredRowListener.class)
@Table(name = "command_log")
public class CommandLogEntry extends Recorded {

	@Column(nullable = false, length = 1000)
	private String command;

	@Column(name = "exit_code", nullable = false)
	private int exitCode;

	@Column(name = "duration_ms", nullable = false)
	private long durationMillis;

	@Column(name = "timed_out", nullable = false)
	private boolean timedOut;

	protected CommandLogEntry() {
	}

	CommandLogEntry(Instant at, String actor, String clientAddress, String host, String command, int exitCode,
			long durationMillis, boolean timedOut) {
		super(at, actor, clientAddress, host);
		this.command = command;
		this.exitCode = exitCode;
		this.durationMillis = durationMillis;
		this.timedOut = timedOut;
	}

	/**
	 * The command's argv joined with spaces, secrets redacted.
	 * @return e.g. {@code maddy --config /etc/maddy/maddy.conf creds list}
	 */
	public String getCommand() {
		return this.command;
	}

	public int getExitCode() {
		return this.exitCode;
	}

	public long getDurationMillis() {
		return this.durationMillis;
	}

	public boolean isTimedOut() {
		return this.timedOut;
	}

	public boolean isSuccess() {
		return !this.timedOut && this.exitCode == 0;
	}

}
