package postern.infrastructure;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Tells the {@link StoredWrites} that count a row's type of every write of such a row,
 * whoever makes it (a service, a run, a test through a repository). Made by Hibernate
 * through Spring, also where a feature is not loaded (the repository tests), hence the
 * provider.
 */
public class StoredRowListener {

	private final ObjectProvider<StoredWrites> writes;

	StoredRowListener(ObjectProvider<StoredWrites> writes) {
		this.writes = writes;
	}

	@PostPersist
	@PostUpdate
	@PostRemove
	void written(Object row) {
		this.writes.forEach((counter) -> {
			if (counter.counts(row)) {
				counter.written();
			}
		});
	}

}
