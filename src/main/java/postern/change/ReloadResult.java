package postern.change;

/**
 * What a {@link ChangeReloader} did.
 *
 * @param ok whether the server took the configuration and runs
 * @param output the commands run and their output, to show the admin (may be empty)
 */
public record ReloadResult(boolean ok, String output) {

	public ReloadResult {
		output = (output != null) ? output : "";
	}

	/**
	 * A reload that took.
	 * @param output what was run and said
	 * @return the result
	 */
	public static ReloadResult succeeded(String output) {
		return new ReloadResult(true, output);
	}

	/**
	 * A reload that failed, or that did not take.
	 * @param output what was run and said
	 * @return the result
	 */
	public static ReloadResult failed(String output) {
		return new ReloadResult(false, output);
	}

}
