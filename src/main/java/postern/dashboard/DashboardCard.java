package postern.dashboard;

/**
 * A card a feature adds to the dashboard, drawn from its own template fragment with what
 * it reads cheaply (stored results, never a command: the dashboard does not wait).
 */
public interface DashboardCard {

	/**
	 * The order among the cards a feature adds.
	 * @return the position
	 */
	default int order() {
		return 100;
	}

	/**
	 * The template holding the card.
	 * @return e.g. {@code health/grid}
	 */
	String template();

	/**
	 * The fragment of the {@link #template() template} that draws the card; it takes one
	 * parameter, the {@link #content() content}.
	 * @return e.g. {@code card}
	 */
	String fragment();

	/**
	 * What the card shows, read now.
	 * @return the fragment's parameter
	 */
	Object content();

}
