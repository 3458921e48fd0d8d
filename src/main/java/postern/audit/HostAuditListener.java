package postern.audit;

import postern.host.FileDiff;
import postern.host.HostEvents.CommandRan;
import postern.host.HostEvents.FileWritten;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every command a host ran (with its redacted argv) and every file it wrote (with
 * the diff), under the name of the host that did it.
 */
@Component
class HostAuditListener {

	private final AuditLog auditLog;

	HostAuditListener(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@EventListener
	void onCommand(CommandRan event) {
		String argv = String.join(" ", event.argv());
		String detail = "exit " + event.exitCode() + " in " + event.duration().toMillis() + " ms"
				+ (event.timedOut() ? ", killed at its timeout" : "");
		this.auditLog.recordOn(event.host(), "command.run", argv, !event.timedOut() && event.exitCode() == 0, detail);
	}

	@EventListener
	void onWrite(FileWritten event) {
		String detail = FileDiff.unified(event.path(), event.before(), event.after());
		if (event.backupId() != null) {
			detail = "backup " + event.backupId() + "\n" + detail;
		}
		this.auditLog.recordOn(event.host(), "file.written", event.path().toString(), true, detail);
	}

}
