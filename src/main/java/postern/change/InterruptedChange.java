package postern.change;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A change Postern was applying when it stopped, as the dashboard shows it: which files
 * to check on the server.
 *
 * @param id the change's id, for its page
 * @param summary what the change did, e.g. {@code new site www.example.org}
 * @param noticedAt when Postern found it interrupted, at its next start
 * @param files the files the change writes: each holds either its old or its new content,
 * since every write is a rename
 * @param reloaders the reloads the change needed, which may not have run
 */
public record InterruptedChange(long id, String summary, Instant noticedAt, List<Path> files, List<String> reloaders) {

	public InterruptedChange {
		files = List.copyOf(files);
		reloaders = List.copyOf(reloaders);
	}

}
