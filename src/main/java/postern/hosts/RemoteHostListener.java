package postern.hosts;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Tells {@link RemoteHostChanges} of every write of a remote host's row, whoever makes
 * it. Made by Hibernate through Spring, also where the hosts feature is not loaded (the
 * other features' repository tests), hence the provider.
 */
class RemoteHostListener {

	private final ObjectProvider<RemoteHostChanges> changes;

	RemoteHostListener(ObjectProvider<RemoteHostChanges> changes) {
		this.changes = changes;
	}

	@PostPersist
	@PostUpdate
	@PostRemove
	void changed(RemoteHost host) {
		this.changes.ifAvailable(RemoteHostChanges::changed);
	}

}
