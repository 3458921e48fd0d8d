package postern.host;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The catalogue of every command Postern can run: a program, its fixed words and typed
 * placeholders. Nothing runs that is not listed here, so the sudoers file can be checked
 * against this list.
 */
public enum CommandKind {

	/** The state of a systemd unit, as {@code Key=Value} lines. */
	SYSTEMCTL_SHOW(Program.SYSTEMCTL, Duration.ofSeconds(10), "show",
			"--property=LoadState,ActiveState,SubState,ActiveEnterTimestamp,MainPID,MemoryCurrent,NRestarts",
			Argument.UNIT),

	/** Make a unit re-read its configuration without stopping (Caddy). */
	SYSTEMCTL_RELOAD(Program.SYSTEMCTL, Duration.ofSeconds(60), "reload", Argument.UNIT),

	/** Stop and start a unit (maddy, which reads its configuration only at start). */
	SYSTEMCTL_RESTART(Program.SYSTEMCTL, Duration.ofSeconds(90), "restart", Argument.UNIT),

	/** The host's network addresses as JSON, to find its public ones. */
	IP_ADDR_JSON(Program.IP, Duration.ofSeconds(10), "-j", "addr", "show");

	private final Program program;

	private final Duration timeout;

	private final List<Object> words;

	CommandKind(Program program, Duration timeout, Object... words) {
		this.program = program;
		this.timeout = timeout;
		this.words = List.of(words);
	}

	public Program program() {
		return this.program;
	}

	/**
	 * How long the command may run before it is killed.
	 * @return the default timeout
	 */
	public Duration timeout() {
		return this.timeout;
	}

	/**
	 * The arguments this kind takes, in order.
	 * @return the typed placeholders
	 */
	public List<Argument> arguments() {
		return this.words.stream().filter(Argument.class::isInstance).map(Argument.class::cast).toList();
	}

	/**
	 * The words after the program, with each argument filled in.
	 * @param values one value per {@link #arguments() argument}, already checked
	 * @return the words
	 */
	List<String> words(List<String> values) {
		List<String> filled = new ArrayList<>();
		int next = 0;
		for (Object word : this.words) {
			filled.add((word instanceof Argument) ? values.get(next++) : (String) word);
		}
		return filled;
	}

	/**
	 * Where the secret arguments are among the {@link #words(List) words}.
	 * @return the indexes of the words that must be redacted
	 */
	Set<Integer> secretWords() {
		Set<Integer> secret = new HashSet<>();
		for (int i = 0; i < this.words.size(); i++) {
			if (this.words.get(i) instanceof Argument argument && argument.secret()) {
				secret.add(i);
			}
		}
		return secret;
	}

	/**
	 * The words with placeholders instead of values, as a sudoers rule would list them.
	 * @return e.g. {@code [show, --property=..., {unit}]}
	 */
	public List<String> template() {
		return this.words.stream()
			.map((word) -> (word instanceof Argument argument) ? argument.placeholder() : (String) word)
			.toList();
	}

}
