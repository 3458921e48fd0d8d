package postern.imports;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lines of an import with what would happen or happened to each.
 *
 * @param lines every line, in file order
 * @param changeId the change that added the aliases, or {@code null} when none did
 */
public record ImportReport(List<ImportLine> lines, Long changeId) implements Serializable {

	public ImportReport {
		lines = List.copyOf(lines);
	}

	/**
	 * How many lines have each status.
	 * @return the counts, by status
	 */
	public Map<ImportLine.Status, Long> counts() {
		Map<ImportLine.Status, Long> counts = new TreeMap<>();
		this.lines.forEach((line) -> counts.merge(line.status(), 1L, Long::sum));
		return counts;
	}

	/**
	 * How many lines have a status.
	 * @param status the status
	 * @return the count
	 */
	public long count(ImportLine.Status status) {
		return this.lines.stream().filter((line) -> line.status() == status).count();
	}

}
