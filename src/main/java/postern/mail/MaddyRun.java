package postern.mail;

/**
 * One call of the maddy CLI, as it may be shown and audited: the command line with
 * secrets redacted (a password never is in it: it goes on standard input), and what came
 * of it.
 *
 * @param commandLine the command as displayed
 * @param exitCode its exit code ({@code -1} when it could not start or was killed)
 * @param error why it failed, or {@code null} when it succeeded
 * @param message maddy's own message (its error line), or empty
 */
public record MaddyRun(String commandLine, int exitCode, MaddyError error,
		String message) implements java.io.Serializable {

	public MaddyRun {
		message = (message != null) ? message : "";
	}

	/**
	 * Whether the call did what it was asked.
	 * @return {@code true} when no error was found in its exit code or its output
	 */
	public boolean succeeded() {
		return this.error == null;
	}

	/**
	 * One line for the audit log.
	 * @return e.g. {@code $ maddy ... creds create a@b.c -> exit 0}
	 */
	public String auditLine() {
		String line = "$ " + this.commandLine + " -> exit " + this.exitCode;
		if (this.error != null) {
			line += ", " + this.error + (this.message.isEmpty() ? "" : ": " + this.message);
		}
		return line;
	}

}
