package postern.reports;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Tells {@link ReportWrites} of every write of a report, a row of one, a fetch, a mail
 * kept aside or the mailbox settings, whoever makes it. Made by Hibernate through Spring,
 * also where the reports feature is not loaded (the other features' repository tests),
 * hence the provider.
 */
class ReportRowListener {

	private final ObjectProvider<ReportWrites> writes;

	ReportRowListener(ObjectProvider<ReportWrites> writes) {
		this.writes = writes;
	}

	@PostPersist
	@PostUpdate
	@PostRemove
	void written(Object row) {
		this.writes.ifAvailable(ReportWrites::written);
	}

}
