package postern.host;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.Set;

/**
 * A command to run on a host: an argv list (never a shell string), optional bytes for its
 * standard input, a timeout, the positions of arguments that must never be shown, and
 * optionally the whole environment it runs with.
 * <p>
 * Commands are made by the {@link CommandCatalogue} only, so every command Postern can
 * run is one of the {@link CommandKind kinds} it knows.
 */
public final class Command {

	private static final String REDACTED = "******";

	/** A name {@code env} and a POSIX shell take as a variable. */
	private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	private final CommandKind kind;

	private final List<String> argv;

	private final byte[] stdin;

	private final Duration timeout;

	private final Set<Integer> redacted;

	/** How many words before the program are its prefix (such as {@code sudo -n}). */
	private final int prefixSize;

	/**
	 * The only variables the process gets, or {@code null} for Postern's own environment.
	 */
	private final Map<String, String> environment;

	Command(CommandKind kind, List<String> argv, byte[] stdin, Duration timeout, Set<Integer> redacted) {
		this(kind, argv, stdin, timeout, redacted, 0, null);
	}

	Command(CommandKind kind, List<String> argv, byte[] stdin, Duration timeout, Set<Integer> redacted, int prefixSize,
			Map<String, String> environment) {
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
		this.environment = (environment != null) ? checked(environment) : null;
	}

	private static Map<String, String> checked(Map<String, String> environment) {
		environment.forEach((name, value) -> {
			if (!VARIABLE_NAME.matcher(name).matches() || value.indexOf('\0') >= 0) {
				throw new IllegalArgumentException("Not an environment variable: " + name);
			}
		});
		return Collections.unmodifiableMap(new LinkedHashMap<>(environment));
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
		return new Command(this.kind, this.argv, this.stdin, this.timeout, more, this.prefixSize, this.environment);
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
				this.prefixSize, this.environment);
	}

	/**
	 * The same command with another timeout.
	 * @param newTimeout how long it may run
	 * @return a new command
	 */
	public Command withTimeout(Duration newTimeout) {
		return new Command(this.kind, this.argv, this.stdin, newTimeout, this.redacted, this.prefixSize,
				this.environment);
	}

	/**
	 * The same command run with exactly these variables and no other: a program that
	 * expands variables from what it is given (Caddy's {@code {$VAR}}) must never see
	 * Postern's own, which hold its secrets.
	 * @param variables the whole environment, possibly empty
	 * @return a new command
	 */
	public Command withEnvironment(Map<String, String> variables) {
		return new Command(this.kind, this.argv, this.stdin, this.timeout, this.redacted, this.prefixSize,
				Objects.requireNonNull(variables));
	}

	/**
	 * The environment the command runs with.
	 * @return the only variables it gets, or {@code null} when it inherits Postern's
	 */
	public Map<String, String> environment() {
		return this.environment;
	}

	/**
	 * The argv prefixed with {@code env -i NAME=value...} when the command has its own
	 * environment, for a remote host whose commands start from a login shell's
	 * environment: each variable is one word, never a piece of shell text.
	 * @return the argv to send, secrets included
	 */
	List<String> argvWithEnvironment() {
		if (this.environment == null) {
			return this.argv;
		}
		List<String> words = new ArrayList<>(List.of("env", "-i"));
		this.environment.forEach((name, value) -> words.add(name + "=" + value));
		words.addAll(this.argv);
		return List.copyOf(words);
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
		return new Command(this.kind, replaced, this.stdin, this.timeout, moved, newPrefix.size(), this.environment);
	}

	@Override
	public String toString() {
		return String.join(" ", displayArgv());
	}

}
