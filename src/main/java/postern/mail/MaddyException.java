package postern.mail;

/**
 * A maddy CLI call whose result is needed (a list) failed.
 */
public class MaddyException extends RuntimeException {

	private final MaddyRun run;

	public MaddyException(MaddyRun run) {
		super(run.commandLine() + ": " + run.error() + (run.message().isEmpty() ? "" : ": " + run.message()));
		this.run = run;
	}

	public MaddyRun getRun() {
		return this.run;
	}

	public MaddyError getError() {
		return this.run.error();
	}

}
