package postern.host;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A command to run on a host: an argv list (never a shell string), optional bytes for its
 * standard input, a timeout, and the positions of arguments that must never be shown.
 * <p>
 * Commands are made by the {@link CommandCatalogue} only, so every command Postern can
 * run is one of the {@link CommandKind kinds} it knows.
 */
public final class Command {

	private static final String REDACTED = "******";

	private final CommandKind kind;

	private final List<String> argv;

	private final byte[] stdin;

	private final Duration timeout;

	private final Set<Integer> redacted;

	/** How many words before the program are its prefix (such as {@code sudo -n}). */
	private final int prefixSize;

	Command(CommandKind kind, List<String> argv, byte[] stdin, Duration timeout, Set<Integer> redacted) {
		this(kind, argv, stdin, timeout, redacted, 0);
	}

	Command(CommandKind kind, List<String> argv, byte[] stdin, Duration timeout, Set<Integer> redacted,
			int prefixSize) {
		if (argv.isEmpty()) {
			throw new IllegalArgumentException("A command needs a program");
		}
		this.kind = kind;
		this.argv = List.copyOf(argv);
		this.stdin = (stdin != null) ? stdin.clone() : null;
		this.timeout = Objects.requireNonNull(timeout);
		this.redacted = Set.copyOf(redacted);
		this.redacted.forEach((index) -> Objects.checkIndex(index, argv.size()));
		this.prefixSize = Objects.checkIndex(prefixSize, argv.size());
	}

	/**
	 * A command outside the catalogue, for Postern's own tests (and test stand-ins) only.
	 * @param timeout how long it may run
	 * @param argv the program and its arguments
	 * @return a command of no {@link #kind() kind}, with nothing redacted
	 */
	static Command of(Duration timeout, List<String> argv) {
		return new Command(null, argv, null, timeout, Set.of());
	}

	/**
	 * The same command with more arguments to redact, for tests of the redaction.
	 * @param positions indexes in the argv
	 * @return a new command
	 */
	Command redacting(int... positions) {
		Set<Integer> more = new HashSet<>(this.redacted);
		Arrays.stream(positions).forEach(more::add);
		return new Command(this.kind, this.argv, this.stdin, this.timeout, more, this.prefixSize);
	}

	/**
	 * The catalogue entry this command was made from.
	 * @return the kind, or {@code null} for commands made by Postern's own tests
	 */
	public CommandKind kind() {
		return this.kind;
	}

	/**
	 * The argv to execute, secrets included. Never log this; use {@link #displayArgv()}.
	 * @return the full argv
	 */
	public List<String> argv() {
		return this.argv;
	}

	/**
	 * The bytes written to the process's standard input, which is then closed.
	 * @return a copy of the bytes, or {@code null} for no input
	 */
	public byte[] stdin() {
		return (this.stdin != null) ? this.stdin.clone() : null;
	}

	public Duration timeout() {
		return this.timeout;
	}

	/**
	 * The argv as it may be shown, logged and audited: redacted arguments replaced.
	 * @return the argv with secrets hidden
	 */
	public List<String> displayArgv() {
		List<String> shown = new ArrayList<>(this.argv);
		this.redacted.forEach((index) -> shown.set(index, REDACTED));
		return List.copyOf(shown);
	}

	/**
	 * The same command with bytes for its standard input (a password, for instance).
	 * @param input the bytes to write
	 * @return a new command
	 */
	public Command withStdin(byte[] input) {
		return new Command(this.kind, this.argv, Arrays.copyOf(input, input.length), this.timeout, this.redacted,
				this.prefixSize);
	}

	/**
	 * The same command with another timeout.
	 * @param newTimeout how long it may run
	 * @return a new command
	 */
	public Command withTimeout(Duration newTimeout) {
		return new Command(this.kind, this.argv, this.stdin, newTimeout, this.redacted, this.prefixSize);
	}

	/**
	 * The same command under another prefix: a host whose settings override the
	 * configured one (another {@code sudo} rule on that server) puts its own in front.
	 * @param prefix the words before the program, possibly none
	 * @return a new command
	 */
	Command withPrefix(List<String> prefix) {
		return withProgram(prefix, null);
	}

	/**
	 * The same command with another prefix and executable, for a host whose program is
	 * elsewhere or runs under another user. Redacted arguments move with their words.
	 * @param prefix the words before the program, possibly none; {@code null} to keep
	 * this command's
	 * @param executable the program's path; {@code null} to keep this command's
	 * @return a new command
	 */
	Command withProgram(List<String> prefix, String executable) {
		List<String> newPrefix = (prefix != null) ? prefix : this.argv.subList(0, this.prefixSize);
		List<String> replaced = new ArrayList<>(newPrefix);
		replaced.add((executable != null) ? executable : this.argv.get(this.prefixSize));
		replaced.addAll(this.argv.subList(this.prefixSize + 1, this.argv.size()));
		int shift = newPrefix.size() - this.prefixSize;
		Set<Integer> moved = new HashSet<>();
		this.redacted.forEach((index) -> moved.add(index + shift));
		return new Command(this.kind, replaced, this.stdin, this.timeout, moved, newPrefix.size());
	}

	@Override
	public String toString() {
		return String.join(" ", displayArgv());
	}

}
