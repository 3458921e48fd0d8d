package postern.system;

import java.util.List;

/**
 * The last lines of a unit's journal, filtered in Postern.
 *
 * @param unitName the unit
 * @param lines how many lines were asked of journalctl
 * @param filter the text every shown line contains; empty for all
 * @param entries the lines shown (after the filter)
 * @param read how many lines journalctl gave before the filter
 * @param outcome the journalctl command
 */
public record JournalTail(String unitName, int lines, String filter, List<JournalLine> entries, int read,
		CommandOutcome outcome) {

	public JournalTail {
		entries = List.copyOf(entries);
	}

	/**
	 * Whether journalctl worked.
	 * @return {@code true} when its output is shown
	 */
	public boolean ok() {
		return this.outcome.ok();
	}

}
