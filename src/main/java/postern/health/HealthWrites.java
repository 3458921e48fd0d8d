package postern.health;

import postern.infrastructure.StoredWrites;

import org.springframework.stereotype.Component;

/**
 * Writes of the stored results, runs and mutes, and what the health pages and the
 * dashboard read from them, kept until the next write.
 */
@Component
class HealthWrites extends StoredWrites {

	HealthWrites() {
		super(HealthResult.class, HealthRun.class, HealthMute.class);
	}

}
