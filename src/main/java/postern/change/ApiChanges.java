package postern.change;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Applies a previewed change in the same call, for the API: a script has no one to look
 * at the diff, so the change is applied at once when its preview is valid, through the
 * same pipeline (validate again, back up, write, reload, roll back on failure) as the
 * Apply button. An invalid preview is left as it is, for an admin to read.
 */
@Component
public class ApiChanges {

	private final ChangeService changes;

	private final MessageSource messages;

	ApiChanges(ChangeService changes, MessageSource messages) {
		this.changes = changes;
		this.messages = messages;
	}

	/**
	 * Apply a change just previewed when it may be applied.
	 * @param previewed the change
	 * @return the change as it ended
	 */
	public ChangeReport applyNow(Change previewed) {
		if (previewed.isApplicable()) {
			this.changes.apply(previewed.getId());
		}
		return report(this.changes.find(previewed.getId()));
	}

	/**
	 * A stored change as JSON.
	 * @param change the change
	 * @return its report
	 */
	public ChangeReport report(Change change) {
		Locale locale = LocaleContextHolder.getLocale();
		return new ChangeReport(change.getId(), change.getState().name(), change.getState() == ChangeState.APPLIED,
				change.getFiles()
					.stream()
					.map((file) -> new ChangeReport.FileReport(file.getPath().toString(), file.getDiff(),
							file.getValidationOk(), file.getValidationOutput()))
					.toList(),
				change.getSteps()
					.stream()
					.map((step) -> new ChangeReport.StepReport(step.isSuccess(),
							this.messages.getMessage(step.getMessageKey(), step.getMessageArgs(), step.getMessageKey(),
									locale),
							step.getOutput()))
					.toList());
	}

}
