package postern.dashboard;

/**
 * A number the dashboard shows with a link to its page: domains, mailboxes, aliases,
 * sites. Each feature declares its own as a bean; the dashboard shows the ones that
 * exist, each loaded without holding up the page.
 */
public interface DashboardCount {

	/**
	 * The order among the counts, as in the navigation (20 domains, 30 mailboxes, …).
	 * @return the position
	 */
	default int order() {
		return 100;
	}

	/**
	 * The message key of what is counted; the message takes the count as {@code {0}}.
	 * @return e.g. {@code dashboard.count.mailboxes}
	 */
	String labelKey();

	/**
	 * The page that lists what is counted.
	 * @return e.g. {@code /mailboxes}
	 */
	String link();

	/**
	 * Count now. May run a command or a query; a failure is shown on the card.
	 * @return the count
	 */
	long count();

}
