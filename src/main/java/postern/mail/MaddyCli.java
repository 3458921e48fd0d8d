package postern.mail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import postern.PosternProperties;
import postern.host.Command;
import postern.host.CommandCatalogue;
import postern.host.CommandKind;
import postern.host.CommandResult;
import postern.host.CommandStartException;
import postern.host.Host;
import postern.host.Hosts;
import postern.host.ServerSettings;

import org.springframework.stereotype.Component;

/**
 * maddy's CLI on the current host: {@code creds} and {@code imap-acct}, run as
 * {@code <command-prefix> <binary> --config <maddy.conf> <sub-command> [flags] USER}.
 * <p>
 * Passwords go on standard input as one line, never in the argv. From v0.8.2 on maddy
 * exits 0 on most errors and only writes {@code app.Run failed} to standard error, so a
 * call has failed when its exit code is not 0 <em>or</em> its standard error says so.
 * Callers re-list after a change to see its effect.
 */
@Component
public class MaddyCli {

	private static final List<String> NOISE = List.of("Failed to disable terminal output",
			"Failed to initialize update pipe", "No update pipe support", "No users.", "<nil>", "Incorrect Usage:");

	private static final List<String> PROMPTS = List.of("Enter password for new user: ", "Enter new password: ",
			"Are you sure you want to delete this user account? [y/N]: ");

	private static final String APP_RUN_FAILED = "app.Run failed";

	private final Hosts hosts;

	private final CommandCatalogue catalogue;

	private final PosternProperties properties;

	MaddyCli(Hosts hosts, CommandCatalogue catalogue, PosternProperties properties) {
		this.hosts = hosts;
		this.catalogue = catalogue;
		this.properties = properties;
	}

	/**
	 * The logins ({@code creds list}), lower-case and sorted.
	 * @return the user names
	 * @throws MaddyException when maddy fails
	 */
	public List<String> listCredentials() {
		return listCredentials(this.hosts.current());
	}

	/**
	 * The logins of a given host, which need not be the current request's: a list read in
	 * the background is read from the host that asked for it.
	 * @param host the host to ask
	 * @return the user names, lower-case and sorted
	 * @throws MaddyException when maddy fails
	 */
	public List<String> listCredentials(Host host) {
		return list(host, CommandKind.MADDY_CREDS_LIST).stream().sorted().toList();
	}

	/**
	 * The IMAP accounts ({@code imap-acct list}), lower-case, in creation order.
	 * @return the account names
	 * @throws MaddyException when maddy fails
	 */
	public List<String> listImapAccounts() {
		return listImapAccounts(this.hosts.current());
	}

	/**
	 * The IMAP accounts of a given host.
	 * @param host the host to ask
	 * @return the account names, lower-case, in creation order
	 * @throws MaddyException when maddy fails
	 * @see #listCredentials(Host)
	 */
	public List<String> listImapAccounts(Host host) {
		return list(host, CommandKind.MADDY_IMAP_ACCT_LIST);
	}

	/**
	 * {@code creds create USER}, the password on standard input.
	 * @param address a lower-case full address
	 * @param password the password, checked by the caller
	 * @return what happened
	 */
	public MaddyRun createCredentials(String address, String password) {
		return run(withPassword(command(CommandKind.MADDY_CREDS_CREATE, address), password));
	}

	/**
	 * {@code creds password USER}, the password on standard input. maddy creates a
	 * missing login: check that it exists first.
	 * @param address a lower-case full address
	 * @param password the new password, checked by the caller
	 * @return what happened
	 */
	public MaddyRun changePassword(String address, String password) {
		return run(withPassword(command(CommandKind.MADDY_CREDS_PASSWORD, address), password));
	}

	/**
	 * {@code creds remove -y USER}. maddy says nothing when there was no such login.
	 * @param address a lower-case full address
	 * @return what happened
	 */
	public MaddyRun removeCredentials(String address) {
		return run(command(CommandKind.MADDY_CREDS_REMOVE, address));
	}

	/**
	 * {@code imap-acct create USER}.
	 * @param address a lower-case full address
	 * @return what happened
	 */
	public MaddyRun createImapAccount(String address) {
		return run(command(CommandKind.MADDY_IMAP_ACCT_CREATE, address));
	}

	/**
	 * {@code imap-acct remove -y USER}: the account and all its mail.
	 * @param address a lower-case full address
	 * @return what happened
	 */
	public MaddyRun removeImapAccount(String address) {
		return run(command(CommandKind.MADDY_IMAP_ACCT_REMOVE, address));
	}

	/**
	 * Check a candidate maddy.conf: {@code --config <candidate> creds list} parses the
	 * whole file as maddy would at start.
	 * @param candidate an absolute path on the current host
	 * @return what happened; {@link MaddyError#CONFIG_INVALID} with maddy's message when
	 * the file is refused
	 */
	public MaddyRun checkConfig(Path candidate) {
		return checkConfig(this.hosts.current(), candidate);
	}

	/**
	 * Check a candidate maddy.conf on a given host.
	 * @param host the host the candidate is on
	 * @param candidate an absolute path on that host
	 * @return what happened
	 * @see #checkConfig(Path)
	 */
	public MaddyRun checkConfig(Host host, Path candidate) {
		return run(host, this.catalogue.command(CommandKind.MADDY_CREDS_LIST, candidate.toString()));
	}

	private Command command(CommandKind kind, String address) {
		return this.catalogue.command(kind, config(this.hosts.current()), address);
	}

	private String config(Host host) {
		return ServerSettings.of(this.properties, host).maddy().config().toString();
	}

	private static Command withPassword(Command command, String password) {
		if (password == null || password.isEmpty() || password.indexOf('\n') >= 0 || password.indexOf('\r') >= 0
				|| password.indexOf('\0') >= 0 || password.getBytes(StandardCharsets.UTF_8).length > 72) {
			throw new IllegalArgumentException("A mailbox password is 1 to 72 bytes on one line");
		}
		return command.withStdin((password + "\n").getBytes(StandardCharsets.UTF_8));
	}

	private List<String> list(Host host, CommandKind kind) {
		Command command = this.catalogue.command(kind, config(host));
		CommandResult result;
		try {
			result = host.run(command);
		}
		catch (CommandStartException ex) {
			throw new MaddyException(notStarted(command, ex));
		}
		MaddyRun run = interpret(command, result);
		if (!run.succeeded()) {
			throw new MaddyException(run);
		}
		return result.stdout()
			.lines()
			.map(String::strip)
			.filter((line) -> !line.isEmpty())
			.map((line) -> line.toLowerCase(Locale.ROOT))
			.toList();
	}

	private MaddyRun run(Command command) {
		return run(this.hosts.current(), command);
	}

	private static MaddyRun run(Host host, Command command) {
		try {
			return interpret(command, host.run(command));
		}
		catch (CommandStartException ex) {
			return notStarted(command, ex);
		}
	}

	private static MaddyRun notStarted(Command command, CommandStartException ex) {
		return new MaddyRun(command.toString(), -1, MaddyError.NOT_INSTALLED, ex.getMessage());
	}

	/**
	 * Judge a call by its exit code and its standard error.
	 * @param command the command that ran
	 * @param result what it did
	 * @return the call, failed or not
	 */
	static MaddyRun interpret(Command command, CommandResult result) {
		String shown = command.toString();
		if (result.timedOut()) {
			return new MaddyRun(shown, result.exitCode(), MaddyError.TIMED_OUT, "");
		}
		List<String> lines = new ArrayList<>();
		String reason = null;
		String errorLine = null;
		for (String raw : result.stderr().split("\n")) {
			String line = withoutPrompts(raw).strip();
			if (line.isEmpty() || NOISE.stream().anyMatch(line::startsWith)) {
				continue;
			}
			if (line.startsWith(APP_RUN_FAILED)) {
				reason = (reason != null) ? reason : reason(line.substring(APP_RUN_FAILED.length()).strip());
				continue;
			}
			if (line.startsWith("Error:") && errorLine == null) {
				errorLine = line;
			}
			lines.add(line);
		}
		boolean failed = result.exitCode() != 0 || reason != null || errorLine != null;
		if (!failed) {
			return new MaddyRun(shown, result.exitCode(), null, "");
		}
		String message = (reason != null) ? reason : (errorLine != null) ? errorLine : String.join("; ", lines);
		return new MaddyRun(shown, result.exitCode(), classify(result.exitCode(), message), message);
	}

	private static String withoutPrompts(String line) {
		String rest = line;
		boolean stripped = true;
		while (stripped) {
			stripped = false;
			for (String prompt : PROMPTS) {
				if (rest.startsWith(prompt)) {
					rest = rest.substring(prompt.length());
					stripped = true;
				}
			}
		}
		return rest;
	}

	/**
	 * The reason of an {@code app.Run failed {"reason":"..."}} line.
	 * @param json the part after {@code app.Run failed}
	 * @return the reason, unescaped, or the whole text when it is not in that shape
	 */
	private static String reason(String json) {
		String key = "\"reason\":\"";
		int start = json.indexOf(key);
		if (start < 0) {
			return json.isEmpty() ? APP_RUN_FAILED : json;
		}
		StringBuilder text = new StringBuilder();
		for (int i = start + key.length(); i < json.length(); i++) {
			char c = json.charAt(i);
			if (c == '"') {
				break;
			}
			if (c == '\\' && i + 1 < json.length()) {
				char next = json.charAt(++i);
				switch (next) {
					case 'n' -> text.append('\n');
					case 't' -> text.append('\t');
					case 'u' -> {
						if (i + 4 < json.length()) {
							text.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
							i += 4;
						}
					}
					default -> text.append(next);
				}
				continue;
			}
			text.append(c);
		}
		return text.toString();
	}

	private static MaddyError classify(int exitCode, String message) {
		String text = message.toLowerCase(Locale.ROOT);
		if (text.contains("already exist")) {
			return MaddyError.ALREADY_EXISTS;
		}
		if (text.contains("doesn't exist") || text.contains("does not exist") || text.contains("user not found")) {
			return MaddyError.NOT_FOUND;
		}
		if (text.contains("precis") || text.contains("invalid username") || text.contains("invalid user name")) {
			return MaddyError.INVALID_NAME;
		}
		if (text.contains("command not found") || exitCode == 127) {
			return MaddyError.NOT_INSTALLED;
		}
		if (text.contains("permission denied") || text.contains("a password is required")
				|| text.contains("not in the sudoers") || text.contains("not allowed to execute")
				|| text.contains("operation not permitted") || exitCode == 126) {
			return MaddyError.PERMISSION_DENIED;
		}
		if (text.contains("failed to open config") || text.contains("failed to parse config")
				|| text.contains("unknown module or global directive") || text.contains("configuration block")) {
			return MaddyError.CONFIG_INVALID;
		}
		return MaddyError.FAILED;
	}

}
