package postern.change;

/**
 * How a call to {@link ChangeService#apply(long)} ended.
 */
public enum ApplyOutcome {

	/** Every file written and every reload done: the change is {@code APPLIED}. */
	APPLIED,

	/**
	 * A step failed; what was written was restored and the servers reloaded: the change
	 * is {@code ROLLED_BACK}.
	 */
	ROLLED_BACK,

	/**
	 * A file changed on disk since the preview; nothing was written and the change stays
	 * {@code PREVIEWED}. It must be made again from the current file.
	 */
	CONFLICT,

	/** The change is not (or no longer) waiting to be applied; nothing was done. */
	NOT_PREVIEWED,

	/**
	 * The change was previewed for another host than the current one; nothing was done.
	 */
	WRONG_HOST

}
