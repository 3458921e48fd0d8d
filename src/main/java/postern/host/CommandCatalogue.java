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
		List<Argument> arguments = kind.arguments();
		if (arguments.size() != values.length) {
			throw new IllegalArgumentException(kind + " takes " + arguments.size() + " values");
		}
		for (int i = 0; i < values.length; i++) {
			if (!arguments.get(i).accepts(values[i])) {
				throw new IllegalArgumentException("Not a valid " + arguments.get(i).placeholder() + ": " + values[i]);
			}
		}
		List<String> argv = new ArrayList<>(programArgv(kind.program()));
		int offset = argv.size();
		argv.addAll(kind.words(List.of(values)));
		Set<Integer> redacted = kind.secretWords().stream().map((index) -> offset + index).collect(Collectors.toSet());
		return new Command(kind, argv, null, kind.timeout(), redacted);
	}

	/**
	 * The prefix and executable a program runs as.
	 * @param program the program
	 * @return e.g. {@code [sudo, -n, -u, maddy, /usr/local/bin/maddy]}
	 */
	public List<String> programArgv(Program program) {
		List<String> argv = new ArrayList<>();
		switch (program) {
			case MADDY -> {
				argv.addAll(this.properties.maddy().commandPrefix());
				argv.add(this.properties.maddy().binary().toString());
			}
			case CADDY -> argv.add(this.properties.caddy().binary().toString());
			case SYSTEMCTL -> systemTool(argv, "systemctl");
			case JOURNALCTL -> systemTool(argv, "journalctl");
			case FAIL2BAN_CLIENT -> systemTool(argv, "fail2ban-client");
			case UFW -> systemTool(argv, "ufw");
			case IP -> argv.add("ip");
		}
		return argv;
	}

	private void systemTool(List<String> argv, String name) {
		argv.addAll(this.properties.systemctl().commandPrefix());
		argv.add(name);
	}

}
