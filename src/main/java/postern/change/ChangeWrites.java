package postern.change;

import postern.infrastructure.StoredWrites;

import org.springframework.stereotype.Component;

/**
 * Writes of the stored changes, and what the dashboard reads from them on every view,
 * kept until the next write.
 */
@Component
class ChangeWrites extends StoredWrites {

	ChangeWrites() {
		super(Change.class);
	}

}
