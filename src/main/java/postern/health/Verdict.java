package postern.health;

/**
 * The outcome of one check.
 */
public enum Verdict {

	/** As expected. */
	OK,

	/** Works, but something should be improved. */
	WARNING,

	/** Wrong: mail or the site is affected. */
	ERROR,

	/** The check could not be made (a timeout, a server that did not answer). */
	UNKNOWN;

	/**
	 * The CSS and message suffix of this verdict.
	 * @return e.g. {@code ok}
	 */
	public String cssName() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
