package postern.host;

import java.util.List;

/**
 * A command's program could not be started (not installed, not executable).
 */
public class CommandStartException extends HostException {

	private final List<String> displayArgv;

	public CommandStartException(Command command, Throwable cause) {
		super("Could not run " + command.displayArgv().get(0) + ": " + cause.getMessage(), cause);
		this.displayArgv = command.displayArgv();
	}

	public List<String> getDisplayArgv() {
		return this.displayArgv;
	}

}
