package postern.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import postern.PosternProperties;

import org.springframework.stereotype.Component;

/**
 * Makes {@link Command commands} from {@link CommandKind catalogue entries}: puts the
 * program's prefix and path in front, and checks every value against its argument's
 * shape.
 */
@Component
public class CommandCatalogue {

	private final PosternProperties properties;

	public CommandCatalogue(PosternProperties properties) {
		this.properties = properties;
	}

	/**
	 * A command of the catalogue.
	 * @param kind the catalogue entry
	 * @param values one value per argument of the entry
	 * @return the command, with the entry's default timeout and no standard input
	 * @throws IllegalArgumentException when a value does not have its argument's shape
	 */
	public Command command(CommandKind kind, String... values) {
		Command command = build(kind, prefix(kind.program()), executable(kind.program()), values);
		// Caddy expands {$VAR} from its environment into what it reads and prints: it
		// gets its own unit's variables, never Postern's secrets
		return (kind.program() == Program.CADDY)
				? command.withEnvironment(this.properties.caddy().environmentVariables()) : command;
	}

	/**
	 * A command of a program that no setting moves or prefixes ({@code sh},
	 * {@code getent}, {@code uname}, {@code ip}), for a host's own look-ups.
	 * @param kind the catalogue entry
	 * @param values one value per argument of the entry
	 * @return the command
	 * @throws IllegalArgumentException when a value does not have its argument's shape,
	 * or the program depends on the settings
	 */
	static Command fixed(CommandKind kind, String... values) {
		return build(kind, List.of(), fixedExecutable(kind.program()), values);
	}

	private static String fixedExecutable(Program program) {
		return switch (program) {
			case IP -> "ip";
			case UNAME -> "uname";
			case SH -> "sh";
			case GETENT -> "getent";
			default -> throw new IllegalArgumentException(program + " depends on the settings");
		};
	}

	private static Command build(CommandKind kind, List<String> prefix, String executable, String... values) {
		List<Argument> arguments = kind.arguments();
		if (arguments.size() != values.length) {
			throw new IllegalArgumentException(kind + " takes " + arguments.size() + " values");
		}
		for (int i = 0; i < values.length; i++) {
			if (!arguments.get(i).accepts(values[i])) {
				throw new IllegalArgumentException("Not a valid " + arguments.get(i).placeholder() + ": " + values[i]);
			}
		}
		List<String> argv = new ArrayList<>(prefix);
		argv.add(executable);
		int offset = argv.size();
		argv.addAll(kind.words(List.of(values)));
		Set<Integer> redacted = kind.secretWords().stream().map((index) -> offset + index).collect(Collectors.toSet());
		return new Command(kind, argv, null, kind.timeout(), redacted, prefix.size(), null);
	}

	/**
	 * The prefix and executable a program runs as.
	 * @param program the program
	 * @return e.g. {@code [sudo, -n, -u, maddy, /usr/local/bin/maddy]}
	 */
	public List<String> programArgv(Program program) {
		List<String> argv = new ArrayList<>(prefix(program));
		argv.add(executable(program));
		return argv;
	}

	private List<String> prefix(Program program) {
		return switch (program) {
			case MADDY -> this.properties.maddy().commandPrefix();
			case SYSTEMCTL, JOURNALCTL, FAIL2BAN_CLIENT, UFW -> this.properties.systemctl().commandPrefix();
			case CADDY, IP, UNAME, SH, GETENT -> List.of();
		};
	}

	private String executable(Program program) {
		return switch (program) {
			case MADDY -> this.properties.maddy().binary().toString();
			case CADDY -> this.properties.caddy().binary().toString();
			case SYSTEMCTL -> "systemctl";
			case JOURNALCTL -> "journalctl";
			case FAIL2BAN_CLIENT -> "fail2ban-client";
			case UFW -> "ufw";
			case IP, UNAME, SH, GETENT -> fixedExecutable(program);
		};
	}

}
