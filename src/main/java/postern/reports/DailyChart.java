package postern.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A bar chart of passing and failing messages per day, laid out on the server so the page
 * draws it as inline SVG with presentation attributes only.
 *
 * @param width the drawing's width
 * @param height the drawing's height
 * @param max the largest day's messages, the top of the scale
 * @param bars one bar per day, oldest first
 */
public record DailyChart(int width, int height, long max, List<Bar> bars) {

	static final int HEIGHT = 160;

	static final int BAR = 14;

	static final int GAP = 4;

	static final int BOTTOM = 20;

	/**
	 * Lay out a chart.
	 * @param from the first day
	 * @param days how many days
	 * @param counts the counts of the days that have some
	 * @return the chart
	 */
	static DailyChart of(LocalDate from, int days, List<DayCount> counts) {
		Map<LocalDate, DayCount> byDay = new HashMap<>();
		counts.forEach((count) -> byDay.put(count.day(), count));
		long max = Math.max(1, counts.stream().mapToLong((count) -> count.passing() + count.failing()).max().orElse(1));
		int plot = HEIGHT - BOTTOM;
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < days; i++) {
			LocalDate day = from.plusDays(i);
			DayCount count = byDay.getOrDefault(day, new DayCount(day, 0, 0));
			int pass = (int) Math.round((double) plot * count.passing() / max);
			int fail = (int) Math.round((double) plot * count.failing() / max);
			int x = GAP + i * (BAR + GAP);
			bars.add(new Bar(day, x, plot - pass, pass, plot - pass - fail, fail, count.passing(), count.failing(),
					i % 7 == 0 || i == days - 1));
		}
		return new DailyChart(GAP + days * (BAR + GAP), HEIGHT, max, bars);
	}

	/**
	 * The bottom of the plot, where the bars stand and the labels go below.
	 * @return the y of the base line
	 */
	public int base() {
		return HEIGHT - BOTTOM;
	}

	/**
	 * One day.
	 *
	 * @param day the day
	 * @param x the bar's left
	 * @param passY top of the passing part
	 * @param passHeight height of the passing part
	 * @param failY top of the failing part, above the passing part
	 * @param failHeight height of the failing part
	 * @param passing passing messages
	 * @param failing failing messages
	 * @param labelled whether the day's date is written under it
	 */
	public record Bar(LocalDate day, int x, int passY, int passHeight, int failY, int failHeight, long passing,
			long failing, boolean labelled) {

		public int width() {
			return BAR;
		}

		public String label() {
			return this.day.getDayOfMonth() + "/" + this.day.getMonthValue();
		}

	}

}
