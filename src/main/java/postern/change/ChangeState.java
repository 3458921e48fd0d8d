package postern.change;

/**
 * Where a change is in its life.
 */
public enum ChangeState {

	/** Diffed and validated, waiting for Apply or Discard. */
	PREVIEWED,

	/** Being applied; a change left in this state at start-up was interrupted. */
	APPLYING,

	/** Every file written and every reload done. */
	APPLIED,

	/** A step failed; the files written were restored and the servers reloaded. */
	ROLLED_BACK,

	/** Postern stopped while applying it; the files may be in any state. */
	INTERRUPTED,

	/** Dropped without being applied. */
	DISCARDED;

	/**
	 * The CSS class of this state.
	 * @return e.g. {@code state-rolled_back}
	 */
	public String cssClass() {
		return "state-" + name().toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * The message key of this state's label.
	 * @return e.g. {@code change.state.rolled_back}
	 */
	public String labelKey() {
		return "change.state." + name().toLowerCase(java.util.Locale.ROOT);
	}

}
