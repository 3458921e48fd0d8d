package postern.system;

import java.util.List;

import postern.host.CommandKind;

import org.springframework.stereotype.Service;

/**
 * Reads the managed units' journals.
 */
@Service
public class Journal {

	/** The fewest lines a page asks for. */
	public static final int MIN_LINES = 50;

	/** The most lines a page asks for. */
	public static final int MAX_LINES = 1000;

	/** The lines shown when the page does not say. */
	public static final int DEFAULT_LINES = 200;

	private final SystemCommands commands;

	Journal(SystemCommands commands) {
		this.commands = commands;
	}

	/**
	 * The last lines of a managed server's journal.
	 * @param unit the server
	 * @param lines how many lines to read, brought within {@value #MIN_LINES} to
	 * {@value #MAX_LINES}
	 * @param filter keep only the lines containing this text; blank for all
	 * @return the lines of its unit (named by {@code postern.units.*}), oldest first
	 */
	public JournalTail tail(ServiceUnit unit, int lines, String filter) {
		return tail(unit.unitName(this.commands.settings().units()), lines, filter);
	}

	/**
	 * The last lines of a unit's journal.
	 * @param unitName the unit, e.g. {@code caddy.service}
	 * @param lines how many lines to read, brought within {@value #MIN_LINES} to
	 * {@value #MAX_LINES}
	 * @param filter keep only the lines containing this text (ignoring case); blank for
	 * all
	 * @return the lines, oldest first
	 */
	public JournalTail tail(String unitName, int lines, String filter) {
		int count = lines(lines);
		String text = (filter != null) ? filter.strip() : "";
		CommandOutcome outcome = this.commands.read(CommandKind.JOURNALCTL_TAIL, unitName, Integer.toString(count));
		List<JournalLine> all = outcome.ok() ? JournalLine.parse(outcome.stdout()) : List.of();
		List<JournalLine> shown = all.stream().filter((line) -> line.contains(text)).toList();
		return new JournalTail(unitName, count, text, shown, all.size(), outcome);
	}

	/**
	 * A line count brought within the allowed range.
	 * @param lines the count asked for
	 * @return a count from {@value #MIN_LINES} to {@value #MAX_LINES}
	 */
	public static int lines(int lines) {
		return Math.max(MIN_LINES, Math.min(MAX_LINES, lines));
	}

}
