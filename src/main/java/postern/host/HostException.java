package postern.host;

/**
 * A host could not do what was asked: a file could not be read or written, a process
 * could not be run.
 */
public class HostException extends RuntimeException {

	public HostException(String message) {
		super(message);
	}

	public HostException(String message, Throwable cause) {
		super(message, cause);
	}

}
