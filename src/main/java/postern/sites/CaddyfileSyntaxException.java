package postern.sites;

import java.nio.file.Path;

/**
 * A Caddyfile that cannot be split into blocks (an unterminated string or heredoc, braces
 * that do not match), or a block Postern could not read or edit: where, and what was
 * expected there.
 */
public class CaddyfileSyntaxException extends RuntimeException {

	private final int line;

	private final String expected;

	private final Path path;

	CaddyfileSyntaxException(int line, String message) {
		this(null, line, message, null);
	}

	private CaddyfileSyntaxException(Path path, int line, String message, Throwable cause) {
		super(((path != null) ? path + ", " : "") + "line " + line + ": " + message, cause);
		this.line = line;
		this.expected = message;
		this.path = path;
	}

	/**
	 * An unexpected failure while reading or editing a file, kept with the place it
	 * happened at.
	 * @param path the file
	 * @param line the line of the block being read or edited
	 * @param cause what failed
	 * @return the exception
	 */
	static CaddyfileSyntaxException unexpected(Path path, int line, RuntimeException cause) {
		return new CaddyfileSyntaxException(path, line,
				"expected a block Postern can read (" + cause.getClass().getSimpleName()
						+ ((cause.getMessage() != null) ? ": " + cause.getMessage() : "") + ")",
				cause);
	}

	/**
	 * The same problem, naming the file.
	 * @param file the file it is in
	 * @return the exception with the file's path
	 */
	CaddyfileSyntaxException in(Path file) {
		return (this.path != null) ? this : new CaddyfileSyntaxException(file, this.line, this.expected, this);
	}

	/**
	 * Where the problem is.
	 * @return a line number, from 1
	 */
	public int getLine() {
		return this.line;
	}

	/**
	 * What was expected there, or what went wrong.
	 * @return the description, without file and line
	 */
	public String getExpected() {
		return this.expected;
	}

	/**
	 * The file.
	 * @return its path, or {@code null} when the text came from a form
	 */
	public Path getPath() {
		return this.path;
	}

}
