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
	SYSTEMCTL_SHOW(Program.SYSTEMCTL, Effect.READS, Duration.ofSeconds(10), "show",
			"--property=LoadState,ActiveState,SubState,ActiveEnterTimestamp,MainPID,MemoryCurrent,NRestarts",
			Argument.UNIT),

	/**
	 * The environment a unit's processes get: its {@code Environment=} assignments and
	 * the files of its {@code EnvironmentFile=} lines (maddy.conf's {@code {env:NAME}}).
	 */
	SYSTEMCTL_SHOW_ENVIRONMENT(Program.SYSTEMCTL, Effect.READS, Duration.ofSeconds(10), "show",
			"--property=Environment,EnvironmentFiles", Argument.UNIT),

	/** Reload a unit's configuration (Caddy and maddy re-read theirs). */
	SYSTEMCTL_RELOAD(Program.SYSTEMCTL, Effect.CHANGES, Duration.ofSeconds(60), "reload", Argument.UNIT),

	/** Stop and start a unit. */
	SYSTEMCTL_RESTART(Program.SYSTEMCTL, Effect.CHANGES, Duration.ofSeconds(90), "restart", Argument.UNIT),

	/** The last lines of a unit's journal, one line per entry with an ISO 8601 time. */
	JOURNALCTL_TAIL(Program.JOURNALCTL, Effect.READS, Duration.ofSeconds(15), "-u", Argument.UNIT, "-n", Argument.LINES,
			"--no-pager", "-o", "short-iso"),

	/** fail2ban's jails. */
	FAIL2BAN_STATUS(Program.FAIL2BAN_CLIENT, Effect.READS, Duration.ofSeconds(10), "status"),

	/** One jail's counters and banned addresses. */
	FAIL2BAN_JAIL_STATUS(Program.FAIL2BAN_CLIENT, Effect.READS, Duration.ofSeconds(10), "status", Argument.JAIL),

	/** Lift the ban of one address in one jail. */
	FAIL2BAN_UNBAN(Program.FAIL2BAN_CLIENT, Effect.CHANGES, Duration.ofSeconds(15), "set", Argument.JAIL, "unbanip",
			Argument.IP_ADDRESS),

	/** The firewall's state, default policies and rules. */
	UFW_STATUS(Program.UFW, Effect.READS, Duration.ofSeconds(10), "status", "verbose"),

	/**
	 * The user names of maddy's credentials, one a line; also parses a candidate
	 * maddy.conf.
	 */
	MADDY_CREDS_LIST(Program.MADDY, Effect.READS, Duration.ofSeconds(60), "--config", Argument.CONFIG_FILE, "creds",
			"list"),

	/** Create a mailbox's login; the password goes on standard input. */
	MADDY_CREDS_CREATE(Program.MADDY, Effect.CHANGES, Duration.ofSeconds(30), "--config", Argument.CONFIG_FILE, "creds",
			"create", Argument.MAILBOX),

	/**
	 * Set a login's password (maddy creates a missing login); the password goes on
	 * standard input.
	 */
	MADDY_CREDS_PASSWORD(Program.MADDY, Effect.CHANGES, Duration.ofSeconds(30), "--config", Argument.CONFIG_FILE,
			"creds", "password", Argument.MAILBOX),

	/** Remove a mailbox's login without asking. */
	MADDY_CREDS_REMOVE(Program.MADDY, Effect.CHANGES, Duration.ofSeconds(30), "--config", Argument.CONFIG_FILE, "creds",
			"remove", "-y", Argument.MAILBOX),

	/** The names of maddy's IMAP accounts, one a line, in creation order. */
	MADDY_IMAP_ACCT_LIST(Program.MADDY, Effect.READS, Duration.ofSeconds(60), "--config", Argument.CONFIG_FILE,
			"imap-acct", "list"),

	/** Create a mailbox's IMAP account (INBOX and the special folders). */
	MADDY_IMAP_ACCT_CREATE(Program.MADDY, Effect.CHANGES, Duration.ofSeconds(30), "--config", Argument.CONFIG_FILE,
			"imap-acct", "create", Argument.MAILBOX),

	/** Remove an IMAP account and all its mail without asking. */
	MADDY_IMAP_ACCT_REMOVE(Program.MADDY, Effect.CHANGES, Duration.ofSeconds(120), "--config", Argument.CONFIG_FILE,
			"imap-acct", "remove", "-y", Argument.MAILBOX),

	/** Caddy's version, e.g. {@code 2.6.2} or {@code v2.9.1 h1:...}. */
	CADDY_VERSION(Program.CADDY, Effect.READS, Duration.ofSeconds(10), "version"),

	/** Check a Caddyfile: adapt it and provision its modules, without loading it. */
	CADDY_VALIDATE(Program.CADDY, Effect.READS, Duration.ofSeconds(60), "validate", "--config", Argument.CONFIG_FILE,
			"--adapter", "caddyfile"),

	/** Turn a Caddyfile into Caddy's JSON, on standard output. */
	CADDY_ADAPT(Program.CADDY, Effect.READS, Duration.ofSeconds(60), "adapt", "--config", Argument.CONFIG_FILE,
			"--adapter", "caddyfile"),

	/** Adapt a Caddyfile and load it into the running Caddy through its admin API. */
	CADDY_RELOAD(Program.CADDY, Effect.CHANGES, Duration.ofSeconds(60), "reload", "--config", Argument.CONFIG_FILE,
			"--adapter", "caddyfile", "--address", Argument.ADMIN_ADDRESS),

	/** The host's network addresses as JSON, to find its public ones. */
	IP_ADDR_JSON(Program.IP, Effect.READS, Duration.ofSeconds(10), "-j", "addr", "show"),

	/** The kernel and machine, shown when a remote host's connection is tested. */
	UNAME(Program.UNAME, Effect.READS, Duration.ofSeconds(10), "-a"),

	/**
	 * What the remote user may do with a path: {@code r}, {@code w} and {@code x} as
	 * {@code test} finds them, which takes its groups and ACLs into account (SFTP gives
	 * only the mode bits). The script is fixed; the path is its only argument.
	 */
	FILE_ACCESS(Program.SH, Effect.READS, Duration.ofSeconds(30), "-c",
			"test -r \"$1\" && printf r; test -w \"$1\" && printf w; test -x \"$1\" && printf x; exit 0", "sh",
			Argument.PATH),

	/** The user with a numeric id, as a {@code passwd} line (SFTP gives ids only). */
	USER_NAME(Program.GETENT, Effect.READS, Duration.ofSeconds(30), "passwd", Argument.NUMERIC_ID),

	/** The group with a numeric id, as a {@code group} line. */
	GROUP_NAME(Program.GETENT, Effect.READS, Duration.ofSeconds(30), "group", Argument.NUMERIC_ID);

	private final Program program;

	private final Effect effect;

	private final Duration timeout;

	private final List<Object> words;

	CommandKind(Program program, Effect effect, Duration timeout, Object... words) {
		this.program = program;
		this.effect = effect;
		this.timeout = timeout;
		this.words = List.of(words);
	}

	public Program program() {
		return this.program;
	}

	/**
	 * Whether the command only reads: such commands run on every page that shows the
	 * server's state, so they go to the command log rather than the audit log of actions.
	 * @return {@code true} for e.g. {@code creds list}, {@code systemctl show}
	 */
	public boolean readsOnly() {
		return this.effect == Effect.READS;
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

	/**
	 * What running a command does to the server.
	 */
	enum Effect {

		/** It only reads (a list, a status, a validation of a candidate file). */
		READS,

		/** It changes the server's state (a reload, a login created, a ban lifted). */
		CHANGES

	}

}
