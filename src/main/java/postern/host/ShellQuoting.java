package postern.host;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns an argv into one command line for a POSIX shell. An SSH exec request carries a
 * single string that the remote user's shell parses, so this is where an argument could
 * otherwise become code.
 */
final class ShellQuoting {

	private ShellQuoting() {
	}

	/**
	 * One word, single-quoted: inside single quotes a POSIX shell gives every byte its
	 * literal meaning except {@code '} itself, which is written as {@code '\''} (close,
	 * escaped quote, reopen).
	 * @param word any string, empty included
	 * @return the quoted word
	 */
	static String quote(String word) {
		return "'" + word.replace("'", "'\\''") + "'";
	}

	/**
	 * A whole argv, each word quoted.
	 * @param argv the program and its arguments
	 * @return a command line the shell splits back into exactly these words
	 */
	static String join(List<String> argv) {
		if (argv.isEmpty()) {
			throw new IllegalArgumentException("A command needs a program");
		}
		return argv.stream().map(ShellQuoting::quote).collect(Collectors.joining(" "));
	}

}
