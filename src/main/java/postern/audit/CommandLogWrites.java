package postern.audit;

import postern.infrastructure.StoredWrites;

import org.springframework.stereotype.Component;

/**
 * Writes of the command log's entries, and the first page of the log as its page shows
 * it, kept until the next write: the log is written in batches, at most twice a second
 * while commands run, and read far more often than that by whoever watches it.
 */
@Component
class CommandLogWrites extends StoredWrites {

	CommandLogWrites() {
		super(CommandLogEntry.class);
	}

}
