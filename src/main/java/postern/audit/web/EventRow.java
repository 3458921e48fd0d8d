package postern.audit.web;

import java.util.Locale;

import postern.audit.AuditEvent;

import org.springframework.context.MessageSource;

/**
 * One line of the audit log as the page shows it, its texts made once here, as the
 * command log's lines are: the first page is kept with its lines until the next event.
 *
 * @param at when it happened, as the {@code datetime} of its {@code <time>}
 * @param atText when it happened, in the server's time zone
 * @param actor who did it
 * @param clientAddress from where
 * @param host on which host
 * @param action the dotted code of what happened, as the line's {@code data-action}
 * @param actionText what happened, in the page's language
 * @param target what it acted on
 * @param detail free text (a diff, a command's output), or {@code null}
 * @param success whether it succeeded
 */
public record EventRow(String at, String atText, String actor, String clientAddress, String host, String action,
		String actionText, String target, String detail, boolean success) {

	static EventRow of(AuditEvent event, MessageSource messages, Locale locale) {
		return new EventRow(event.getAt().toString(), CommandRow.TIME.format(event.getAt().atZone(CommandRow.ZONE)),
				event.getActor(), event.getClientAddress(), event.getHost(), event.getAction(),
				messages.getMessage("audit.action." + event.getAction(), null, event.getAction(), locale),
				event.getTarget(), event.getDetail(), event.isSuccess());
	}

}
