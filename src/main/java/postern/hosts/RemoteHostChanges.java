package postern.hosts;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * How many times a remote host's row was added, changed or removed, counted once the
 * change is committed: what was read from the rows under an older count may be out of
 * date, and what was read while a change was not committed yet is counted as older.
 */
@Component
class RemoteHostChanges {

	private final AtomicLong count = new AtomicLong();

	long count() {
		return this.count.get();
	}

	/**
	 * Count a change of a row, once its transaction commits.
	 */
	void changed() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.count.incrementAndGet();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				RemoteHostChanges.this.count.incrementAndGet();
			}
		});
	}

}
