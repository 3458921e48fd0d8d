package postern.change;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At start-up, marks the changes Postern was applying when it stopped as interrupted, so
 * the admin sees which files to check.
 */
@Component
class InterruptedChanges {

	private final ChangeService changes;

	InterruptedChanges(ChangeService changes) {
		this.changes = changes;
	}

	@EventListener(ApplicationReadyEvent.class)
	void markInterrupted() {
		this.changes.interruptLeftovers();
	}

}
