package postern.audit;

import postern.infrastructure.StoredWrites;

import org.springframework.stereotype.Component;

/**
 * Writes of the audit log's events, and the latest of them the dashboard shows on every
 * view, kept until the next write.
 */
@Component
class AuditWrites extends StoredWrites {

	AuditWrites() {
		super(AuditEvent.class);
	}

}
