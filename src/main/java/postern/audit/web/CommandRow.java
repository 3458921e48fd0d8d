package postern.audit.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import postern.audit.CommandLogEntry;

import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

/**
 * One line of the command log as the page shows it, made here rather than in the
 * template: a page shows fifty lines, and each expression the template evaluates on a
 * line costs more than the line itself (fifty lines of eight expressions cost twice the
 * rest of the page). Every text is escaped as the template would escape it.
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
record CommandRow(String at, String atText, String actor, String clientAddress, String host, String command,
		String result, boolean failed) {

	/** As the audit log's lines show the time. */
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	static CommandRow of(CommandLogEntry entry, MessageSource messages, Locale locale) {
		String result = entry.isTimedOut()
				? messages.getMessage("audit.command.timed-out", new Object[] { entry.getDurationMillis() }, locale)
				: messages.getMessage("audit.command.exit",
						new Object[] { entry.getExitCode(), entry.getDurationMillis() }, locale);
		return new CommandRow(entry.getAt().toString(), TIME.format(entry.getAt().atZone(ZoneId.systemDefault())),
				entry.getActor(), entry.getClientAddress(), entry.getHost(), entry.getCommand(), result,
				!entry.isSuccess());
	}

	/**
	 * The lines of a page as the rows of the command log's table.
	 * @param rows the lines
	 * @return their {@code <tr>} elements, every text escaped
	 */
	static String tableRows(Iterable<CommandRow> rows) {
		StringBuilder html = new StringBuilder(8192);
		for (CommandRow row : rows) {
			row.appendTo(html);
		}
		return html.toString();
	}

	private void appendTo(StringBuilder html) {
		html.append(this.failed ? "<tr class=\"failed\">" : "<tr>");
		html.append("<td><time datetime=\"").append(escape(this.at)).append("\">");
		html.append(escape(this.atText)).append("</time></td>");
		cell(html, this.actor);
		cell(html, this.clientAddress);
		cell(html, this.host);
		html.append("<td><code>").append(escape(this.command)).append("</code></td>");
		cell(html, this.result);
		html.append("</tr>\n");
	}

	private static void cell(StringBuilder html, String text) {
		html.append("<td>").append(escape(text)).append("</td>");
	}

	private static String escape(String text) {
		return (text != null) ? HtmlUtils.htmlEscape(text) : "";
	}

}
