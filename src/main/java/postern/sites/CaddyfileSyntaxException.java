package postern.sites;

/**
 * A Caddyfile that cannot be split into blocks: an unterminated string or heredoc, or
 * braces that do not match.
 */
public class CaddyfileSyntaxException extends RuntimeException {

	private final int line;

	CaddyfileSyntaxException(int line, String message) {
		super("line " + line + ": " + message);
		this.line = line;
	}

	/**
	 * Where the problem is.
	 * @return a line number, from 1
	 */
	public int getLine() {
		return this.line;
	}

}
