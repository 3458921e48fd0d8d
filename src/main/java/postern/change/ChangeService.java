package postern.change;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import postern.audit.AuditLog;
import postern.host.FileConflictException;
import postern.host.FileDiff;
import postern.host.FileSnapshot;
import postern.host.Host;
import postern.host.Hosts;

import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The change pipeline: {@link #preview(ChangeRequest) preview} diffs and validates a
 * change and stores it; {@link #apply(long) apply} checks that no file changed on disk,
 * validates again, writes each file under its lock, runs the reloaders, and on any
 * failure restores every file it wrote and reloads again. Every step goes into the
 * change's result log and the outcome into the audit log.
 */
@Service
public class ChangeService {

	private static final Logger logger = LoggerFactory.getLogger(ChangeService.class);

	private final ChangeRepository changes;

	private final Hosts hosts;

	private final AuditLog auditLog;

	private final MessageSource messages;

	private final Clock clock;

	private final ChangeHandlers handlers;

	private final ChangeWrites writes;

	private final TransactionTemplate readOnly;

	ChangeService(ChangeRepository changes, Hosts hosts, AuditLog auditLog, MessageSource messages,
			ChangeHandlers handlers, ChangeWrites writes, PlatformTransactionManager transactions,
			Optional<Clock> clock) {
		this.changes = changes;
		this.hosts = hosts;
		this.auditLog = auditLog;
		this.messages = messages;
		this.clock = clock.orElseGet(Clock::systemUTC);
		this.handlers = handlers;
		this.writes = writes;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * Diff and validate a change on the current host, and store it as previewed.
	 * @param request the change
	 * @return the stored change
	 * @throws IllegalArgumentException when the request names an unknown validator or
	 * reloader
	 */
	public Change preview(ChangeRequest request) {
		for (FileEdit edit : request.edits()) {
			if (edit.validatorId() != null) {
				validator(edit.validatorId());
			}
		}
		request.reloaderIds().forEach(this::reloader);
		Host host = this.hosts.current();
		Change change = new Change(request, host.name(), now());
		for (FileEdit edit : request.edits()) {
			ChangeFile file = new ChangeFile(edit,
					FileDiff.unified(edit.path(), edit.snapshot().content(), edit.candidate()));
			if (edit.validatorId() != null) {
				file.validated(validate(host, edit.validatorId(), edit.path(), edit.candidate()));
			}
			change.addFile(file);
		}
		return this.changes.save(change);
	}

	/**
	 * Run the validator of an edit on the current host without storing anything, for a
	 * form that refuses an invalid value next to its field rather than in a preview.
	 * @param edit an edit that names a validator
	 * @return what the validator said
	 * @throws IllegalArgumentException when the edit names no known validator
	 */
	public ValidationResult check(FileEdit edit) {
		return validate(this.hosts.current(), validator(edit.validatorId()).id(), edit.path(), edit.candidate());
	}

	/**
	 * A stored change.
	 * @param id its id
	 * @return the change, with its files and result log
	 * @throws ChangeNotFoundException when there is none
	 */
	public Change find(long id) {
		return this.changes.findById(id).orElseThrow(() -> new ChangeNotFoundException(id));
	}

	/**
	 * Apply a previewed change on the current host.
	 * @param id the change's id
	 * @return how it ended; the change's result log says what was done
	 * @throws ChangeNotFoundException when there is no such change
	 */
	public ApplyOutcome apply(long id) {
		Change change = find(id);
		if (change.getState() != ChangeState.PREVIEWED) {
			return ApplyOutcome.NOT_PREVIEWED;
		}
		Host host = this.hosts.current();
		if (!host.name().equals(change.getHostName())) {
			return ApplyOutcome.WRONG_HOST;
		}
		change.moveTo(ChangeState.APPLYING, now());
		try {
			change = this.changes.save(change);
		}
		catch (OptimisticLockingFailureException ex) {
			// Someone else started applying or discarded it in the meantime.
			return ApplyOutcome.NOT_PREVIEWED;
		}
		Run run = new Run(change, host);
		try {
			return run.apply();
		}
		catch (RuntimeException ex) {
			logger.error("Applying change {} failed unexpectedly", id, ex);
			run.step(false, "change.step.error", List.of(), describe(ex));
			return run.rollBack();
		}
	}

	/**
	 * Drop a previewed change.
	 * @param id the change's id
	 * @return {@code true} when it was discarded, {@code false} when it was no longer
	 * previewed
	 * @throws ChangeNotFoundException when there is no such change
	 */
	public boolean discard(long id) {
		Change change = find(id);
		if (change.getState() != ChangeState.PREVIEWED) {
			return false;
		}
		change.moveTo(ChangeState.DISCARDED, now());
		try {
			change = this.changes.save(change);
		}
		catch (OptimisticLockingFailureException ex) {
			return false;
		}
		this.auditLog.record("change.discarded", target(change), true, diffs(change));
		return true;
	}

	/**
	 * The latest changes that were interrupted, for the dashboard to say which files to
	 * check.
	 * @return at most five, the most recently found first; read again once a change is
	 * written, as the dashboard asks on every view
	 */
	public List<InterruptedChange> interrupted() {
		return this.writes.read(ChangeState.INTERRUPTED,
				(state) -> this.readOnly.execute((status) -> this.changes.findTop5ByStateOrderByFinishedAtDesc(state)
					.stream()
					.map((change) -> new InterruptedChange(change.getId(), Objects.toString(change.getSummary(), ""),
							change.getFinishedAt(), change.getFiles().stream().map(ChangeFile::getPath).toList(),
							List.copyOf(change.getReloaders())))
					.toList()));
	}

	/**
	 * Mark the changes left applying (Postern stopped in the middle) as interrupted.
	 * @return how many there were
	 */
	int interruptLeftovers() {
		List<Change> leftovers = this.changes.findByState(ChangeState.APPLYING);
		for (Change change : leftovers) {
			change.addStep(new ChangeStep(now(), false, "change.step.interrupted", List.of(), null));
			change.moveTo(ChangeState.INTERRUPTED, now());
			change = this.changes.save(change);
			logger.warn("Change {} was interrupted while it was applied; check {}", change.getId(),
					change.getFiles().stream().map((file) -> file.getPath().toString()).toList());
			this.auditLog.recordAs(AuditLog.SYSTEM, "change.interrupted", target(change), false,
					diffs(change) + "\n" + log(change));
		}
		return leftovers.size();
	}

	/**
	 * The time, to the microsecond the database keeps, so a saved step compares equal to
	 * itself once loaded and is not written again.
	 */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private ValidationResult validate(Host host, String validatorId, Path path, byte[] candidate) {
		try {
			return validator(validatorId).validate(host, path, candidate);
		}
		catch (RuntimeException ex) {
			return ValidationResult.invalid(describe(ex));
		}
	}

	private ReloadResult reload(Host host, String reloaderId) {
		try {
			return reloader(reloaderId).reload(host);
		}
		catch (RuntimeException ex) {
			return ReloadResult.failed(describe(ex));
		}
	}

	private ChangeValidator validator(String id) {
		return this.handlers.validator(id);
	}

	private ChangeReloader reloader(String id) {
		return this.handlers.reloader(id);
	}

	private static String describe(RuntimeException ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	private static String target(Change change) {
		String what = (change.getSummary() != null) ? change.getSummary()
				: change.getFiles().stream().map((file) -> file.getPath().toString()).collect(Collectors.joining(", "));
		return "change " + change.getId() + ": " + what;
	}

	private static String diffs(Change change) {
		return change.getFiles().stream().map(ChangeFile::getDiff).collect(Collectors.joining());
	}

	/**
	 * The result log in English, for the audit log.
	 */
	private String log(Change change) {
		StringBuilder text = new StringBuilder();
		for (ChangeStep step : change.getSteps()) {
			Object[] args = step.getMessageArgs();
			String fallback = step.getMessageKey() + ((args.length > 0) ? " " + List.of(args) : "");
			text.append(step.isSuccess() ? "ok   " : "FAIL ")
				.append(this.messages.getMessage(step.getMessageKey(), args, fallback, Locale.ENGLISH))
				.append('\n');
			if (step.getOutput() != null) {
				step.getOutput().lines().forEach((line) -> text.append("     ").append(line).append('\n'));
			}
		}
		return text.toString();
	}

	/**
	 * One apply of a change: its steps are saved as they happen, so a crash leaves a
	 * trace.
	 */
	private final class Run {

		private Change change;

		private final Host host;

		private final List<ChangeFile> written = new ArrayList<>();

		private boolean reloaded;

		Run(Change change, Host host) {
			this.change = change;
			this.host = host;
		}

		ApplyOutcome apply() {
			List<ChangeFile> files = this.change.getFiles();
			List<String> changed = new ArrayList<>();
			for (ChangeFile file : files) {
				FileSnapshot current = this.host.read(file.getPath());
				if (!file.isOriginal(current)) {
					changed.add(file.getPath().toString());
				}
			}
			if (!changed.isEmpty()) {
				return conflict(changed);
			}
			boolean valid = true;
			for (ChangeFile file : files) {
				if (file.getValidator() != null) {
					ValidationResult result = validate(this.host, file.getValidator(), file.getPath(),
							file.getCandidateContent());
					step(result.ok(), result.ok() ? "change.step.valid" : "change.step.invalid",
							List.of(file.getPath().toString(), file.getValidator()), result.output());
					valid &= result.ok();
				}
			}
			if (!valid) {
				return rollBack();
			}
			for (ChangeFile file : files) {
				try {
					write(file);
				}
				catch (FileConflictException ex) {
					step(false, "change.step.conflict", List.of(file.getPath().toString()), null);
					return rollBack();
				}
				catch (RuntimeException ex) {
					step(false, "change.step.write-failed", List.of(file.getPath().toString()), describe(ex));
					return rollBack();
				}
			}
			for (String reloaderId : this.change.getReloaders()) {
				this.reloaded = true;
				ReloadResult result = reload(this.host, reloaderId);
				step(result.ok(), result.ok() ? "change.step.reloaded" : "change.step.reload-failed",
						List.of(reloaderId), result.output());
				if (!result.ok()) {
					return rollBack();
				}
			}
			step(true, "change.step.applied", List.of(), null);
			finish(ChangeState.APPLIED);
			ChangeService.this.auditLog.record("change.applied", target(this.change), true,
					diffs(this.change) + "\n" + log(this.change));
			return ApplyOutcome.APPLIED;
		}

		private ApplyOutcome conflict(List<String> changed) {
			for (String path : changed) {
				step(false, "change.step.changed-on-disk", List.of(path), null);
			}
			step(false, "change.step.nothing-written", List.of(), null);
			this.change.moveTo(ChangeState.PREVIEWED, ChangeService.this.now());
			this.change = ChangeService.this.changes.save(this.change);
			ChangeService.this.auditLog.record("change.refused", target(this.change), false, log(this.change));
			return ApplyOutcome.CONFLICT;
		}

		private void write(ChangeFile file) {
			byte[] candidate = file.getCandidateContent();
			if (!file.isOriginalExists()) {
				// A new file may be the first of its folder (a new site's index page):
				// the
				// folder is made now, at Apply, never at preview
				this.host.createFolder(file.getPath().getParent());
			}
			this.host.edit(file.getPath(), (current) -> {
				if (!file.isOriginal(current)) {
					throw new FileConflictException(file.getPath());
				}
				return candidate;
			});
			this.written.add(file);
			step(true, "change.step.written", List.of(file.getPath().toString()), null);
		}

		ApplyOutcome rollBack() {
			boolean restored = true;
			for (int i = this.written.size() - 1; i >= 0; i--) {
				ChangeFile file = this.written.get(i);
				byte[] original = file.getOriginalContent();
				try {
					this.host.edit(file.getPath(), (current) -> original);
					step(true, file.isOriginalExists() ? "change.step.restored" : "change.step.emptied",
							List.of(file.getPath().toString()), null);
				}
				catch (RuntimeException ex) {
					restored = false;
					step(false, "change.step.restore-failed", List.of(file.getPath().toString()), describe(ex));
				}
			}
			boolean reloadedAgain = true;
			if (!this.written.isEmpty() || this.reloaded) {
				for (String reloaderId : this.change.getReloaders()) {
					ReloadResult result = reload(this.host, reloaderId);
					step(result.ok(), result.ok() ? "change.step.reloaded-again" : "change.step.reload-again-failed",
							List.of(reloaderId), result.output());
					reloadedAgain &= result.ok();
				}
			}
			if (this.written.isEmpty() && !this.reloaded) {
				step(true, "change.step.rolled-back-untouched", List.of(), null);
			}
			else if (restored && reloadedAgain) {
				step(true, "change.step.rolled-back", List.of(), null);
			}
			else {
				step(false, "change.step.rolled-back-incomplete", List.of(), null);
			}
			finish(ChangeState.ROLLED_BACK);
			ChangeService.this.auditLog.record("change.rolled-back", target(this.change), false,
					diffs(this.change) + "\n" + log(this.change));
			return ApplyOutcome.ROLLED_BACK;
		}

		void step(boolean success, String key, List<String> args, String output) {
			this.change.addStep(new ChangeStep(ChangeService.this.now(), success, key, args, output));
			this.change = ChangeService.this.changes.save(this.change);
		}

		private void finish(ChangeState state) {
			this.change.moveTo(state, ChangeService.this.now());
			this.change = ChangeService.this.changes.save(this.change);
		}

	}

}
