package postern.health;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Tells {@link HealthWrites} of every write of a result, a run or a mute, whoever makes
 * it. Made by Hibernate through Spring, also where the health feature is not loaded (the
 * other features' repository tests), hence the provider.
 */
class HealthRowListener {

	private final ObjectProvider<HealthWrites> writes;

	HealthRowListener(ObjectProvider<HealthWrites> writes) {
		this.writes = writes;
	}

	@PostPersist
	@PostUpdate
	@PostRemove
	void written(Object row) {
		this.writes.ifAvailable(HealthWrites::written);
	}

}
