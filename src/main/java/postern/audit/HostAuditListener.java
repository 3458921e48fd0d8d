package postern.audit;

import postern.host.FileDiff;
import postern.host.HostEvents.CommandRan;
import postern.host.HostEvents.FileWritten;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every command a host ran (with its redacted argv) and every file it wrote (with
 * the diff), under the name of the host that did it: commands that change the server in
 * the audit log, with the actions; commands that only read, as the catalogue says, in the
 * command log.
 */
@Component
class HostAuditListener {

	private final AuditLog auditLog;

	private final CommandLog commandLog;

	HostAuditListener(AuditLog auditLog, CommandLog commandLog) {
		this.auditLog = auditLog;
		this.commandLog = commandLog;
	}

	@EventListener
	void onCommand(CommandRan event) {
		// a command of no kind is one of Postern's own tests: kept with the actions
		if (event.kind() != null && event.kind().readsOnly()) {
			this.commandLog.record(event);
			return;
		}
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
