package postern.audit.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import postern.audit.CommandLogEntry;

import org.springframework.context.MessageSource;

/**
 * One line of the command log as the page shows it, its texts made once here: a page
 * shows fifty lines, and each expression the template evaluates on a line costs more than
 * the line itself. Public, as Spring compiles an expression to bytecode only when the
 * type it reads is public: a line of a package-private type is read through reflection,
 * each of its fields on every render.
 *
 * @param at when the command ran, as the {@code datetime} of its {@code <time>}
 * @param atText when it ran, in the server's time zone
 * @param actor who made the request that ran it
 * @param clientAddress from where
 * @param host on which host
 * @param command the command, secrets redacted
 * @param result its exit code and duration, or that it was killed at its timeout
 * @param failed whether it failed or was killed
 */
public record CommandRow(String at, String atText, String actor, String clientAddress, String host, String command,
		String result, boolean failed) {

	/** As the audit log's lines show the time. */
	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	/** The server's time zone, in which both logs show the time. */
	static final ZoneId ZONE = ZoneId.systemDefault();

	static CommandRow of(CommandLogEntry entry, MessageSource messages, Locale locale) {
		String result = entry.isTimedOut()
				? messages.getMessage("audit.command.timed-out", new Object[] { entry.getDurationMillis() }, locale)
				: messages.getMessage("audit.command.exit",
						new Object[] { entry.getExitCode(), entry.getDurationMillis() }, locale);
		return new CommandRow(entry.getAt().toString(), TIME.format(entry.getAt().atZone(ZONE)), entry.getActor(),
				entry.getClientAddress(), entry.getHost(), entry.getCommand(), result, !entry.isSuccess());
	}

}
