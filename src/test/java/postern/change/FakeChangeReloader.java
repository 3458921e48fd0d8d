package postern.change;

import java.nio.file.Path;
import java.util.List;

import postern.host.Host;

/**
 * A test double of {@link ChangeReloader}: journals each reload and fails the next
 * {@code n} reloads when told to.
 */
class FakeChangeReloader implements ChangeReloader {

	private final String id;

	private final List<String> journal;

	private int failures;

	FakeChangeReloader(String id, List<String> journal) {
		this.id = id;
		this.journal = journal;
	}

	synchronized void failNext(int count) {
		this.failures = count;
	}

	synchronized void reset() {
		this.failures = 0;
	}

	@Override
	public String id() {
		return this.id;
	}

	@Override
	public synchronized ReloadResult reload(Host host) {
		this.journal.add("reload " + this.id);
		if (this.failures > 0) {
			this.failures--;
			return ReloadResult.failed(this.id + ".service: Job failed, see journalctl -xe");
		}
		return ReloadResult.succeeded(this.id + ".service reloaded");
	}

	@Override
	public boolean handles(Host host, Path path) {
		return path.toString().contains("/" + this.id + "/");
	}

}
