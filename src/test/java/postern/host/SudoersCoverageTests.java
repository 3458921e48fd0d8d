package postern.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import postern.PosternProperties;
import postern.SystemBinaries;
import postern.TestProperties;
import postern.system.Journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code deploy/sudoers.d/postern} against the command catalogue with the default
 * settings: every command Postern can run through sudo is allowed, for the user it must
 * run as, and nothing else is. A new {@link CommandKind} run through sudo fails here
 * until the file allows it; a new {@link Argument} fails to compile until it has example
 * and hostile values below.
 */
class SudoersCoverageTests {

	private static final Path FILE = Path.of("deploy/sudoers.d/postern");

	/**
	 * Where sudo finds each tool through Debian 12's {@code secure_path}.
	 */
	private static final Map<String, String> SECURE_PATH = Map.of("systemctl", "/usr/bin/systemctl", "journalctl",
			"/usr/bin/journalctl", "fail2ban-client", "/usr/bin/fail2ban-client", "ufw", "/usr/sbin/ufw");

	/**
	 * Words that must never reach a privileged command in an argument's place: more
	 * words, options, shell syntax, paths, and the line breaks and tabs sudo would join.
	 */
	private static final List<String> HOSTILE = List.of("", " ", "a b", "-p", "--cfg-block", "--config /tmp/x",
			"user@example.org --help", "user@example.org -y", "caddy.service ssh.service", "50 -D /root",
			"50 --file /etc/shadow", "maddy-auth unbanip 1.2.3.4", "1.2.3.4 5.6.7.8", "x\ny", "x\ty", "*", "../etc",
			"/etc/shadow", "$(id)", "`id`", "a;b", "a|b", "'a'", "\"a\"", "a\\b", "\u00e9@example.org");

	private final PosternProperties properties = TestProperties.bind(Map.of());

	private final CommandCatalogue catalogue = new CommandCatalogue(this.properties);

	private final SudoersFile sudoers = SudoersFile.parse(read(FILE));

	@Test
	void everyCommandRunThroughSudoIsAllowedForItsUser() {
		List<CommandKind> throughSudo = new ArrayList<>();
		for (CommandKind kind : CommandKind.values()) {
			for (List<String> values : examples(kind)) {
				Command command = this.catalogue.command(kind, values.toArray(String[]::new));
				Privileged privileged = Privileged.of(command.argv());
				if (privileged == null) {
					continue;
				}
				throughSudo.add(kind);
				assertThat(this.sudoers.allows(privileged.runAs(), privileged.argv()))
					.as("sudoers allows %s as %s", privileged.argv(), privileged.runAs())
					.isTrue();
			}
		}
		// Caddy's CLI and Postern's own look-ups (addresses, uname, file access, owner
		// names) run as Postern's own user; everything else goes through sudo.
		Set<Program> ownUser = EnumSet.of(Program.CADDY, Program.IP, Program.UNAME, Program.SH, Program.GETENT);
		for (CommandKind kind : CommandKind.values()) {
			assertThat(throughSudo.contains(kind)).as("%s runs through sudo", kind)
				.isEqualTo(!ownUser.contains(kind.program()));
		}
	}

	@Test
	void everyRuleIsACommandOfTheCatalogue() {
		List<Privileged> commands = new ArrayList<>();
		for (CommandKind kind : CommandKind.values()) {
			for (List<String> values : examples(kind)) {
				Privileged privileged = Privileged
					.of(this.catalogue.command(kind, values.toArray(String[]::new)).argv());
				if (privileged != null) {
					commands.add(privileged);
				}
			}
		}
		for (SudoersFile.Rule rule : this.sudoers.rules()) {
			assertThat(commands).as("a command of the catalogue that %s allows", rule)
				.anyMatch((command) -> command.runAs().equals(rule.runAs()) && rule.entry().matches(command.argv()));
		}
	}

	@Test
	void noHostileValueFitsWhereAnArgumentGoes() {
		int tried = 0;
		for (CommandKind kind : CommandKind.values()) {
			List<Argument> arguments = kind.arguments();
			for (List<String> values : examples(kind)) {
				for (int i = 0; i < arguments.size(); i++) {
					for (String hostile : hostile(arguments.get(i))) {
						List<String> changed = new ArrayList<>(values);
						changed.set(i, hostile);
						List<String> argv = new ArrayList<>(this.catalogue.programArgv(kind.program()));
						argv.addAll(kind.words(changed));
						Privileged privileged = Privileged.of(argv);
						if (privileged != null) {
							tried++;
							assertThat(this.sudoers.allows(privileged.runAs(), privileged.argv()))
								.as("sudoers refuses %s as %s", privileged.argv(), privileged.runAs())
								.isFalse();
						}
					}
				}
			}
		}
		assertThat(tried).isGreaterThan(1000);
	}

	@Test
	void noExtraWordFitsAfterOrBeforeTheArguments() {
		for (SudoersFile.Rule rule : this.sudoers.rules()) {
			for (CommandKind kind : CommandKind.values()) {
				for (List<String> values : examples(kind)) {
					Privileged privileged = Privileged
						.of(this.catalogue.command(kind, values.toArray(String[]::new)).argv());
					if (privileged == null || !rule.entry().matches(privileged.argv())) {
						continue;
					}
					List<String> argv = privileged.argv();
					for (String extra : List.of("-h", "--help", "x", "--config", "-D")) {
						List<String> after = new ArrayList<>(argv);
						after.add(extra);
						List<String> before = new ArrayList<>(argv);
						before.add(1, extra);
						assertThat(rule.entry().matches(after)).as("%s allows %s", rule, after).isFalse();
						assertThat(rule.entry().matches(before)).as("%s allows %s", rule, before).isFalse();
					}
					for (String user : List.of("root", "maddy")) {
						if (!user.equals(rule.runAs())) {
							assertThat(this.sudoers.allows(user, argv)).as("%s as %s", argv, user).isFalse();
						}
					}
				}
			}
		}
	}

	@Test
	void theReaderRefusesWhatWouldAllowMore() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SudoersFile.parse("Cmnd_Alias A = /usr/bin/systemctl\npostern ALL=(root) NOPASSWD: A"));
		assertThatIllegalArgumentException().isThrownBy(
				() -> SudoersFile.parse("Cmnd_Alias A = /usr/bin/journalctl -n *\npostern ALL=(root) NOPASSWD: A"));
		assertThatIllegalArgumentException().isThrownBy(() -> SudoersFile.parse("postern ALL=(ALL) NOPASSWD: ALL"));
		assertThatIllegalArgumentException().isThrownBy(() -> SudoersFile
			.parse("Cmnd_Alias A = /usr/sbin/ufw status verbose\npostern ALL=(root) NOPASSWD:SETENV: A"));
		assertThatIllegalArgumentException().isThrownBy(() -> SudoersFile.parse("Defaults:postern !env_reset"));
		assertThatIllegalArgumentException().isThrownBy(() -> SudoersFile.parse("postern ALL=(root) NOPASSWD: B"));
	}

	@Test
	void sudoReadsTheFileAsThisTestDoes() throws Exception {
		Path visudo = SystemBinaries.require("visudo", Path.of("/usr/sbin/visudo"));
		Path cvtsudoers = SystemBinaries.require("cvtsudoers", Path.of("/usr/bin/cvtsudoers"));
		Run check = run(visudo.toString(), "-c", "-f", FILE.toString());
		assertThat(check.exitCode()).as(check.output()).isZero();
		// cvtsudoers prints every command as sudo keeps it: escapes removed from exact
		// arguments, kept in regular expressions.
		Run json = run(cvtsudoers.toString(), "-f", "json", FILE.toString());
		assertThat(json.exitCode()).as(json.output()).isZero();
		List<String> commands = new ArrayList<>();
		Matcher command = Pattern.compile("\"command\": \"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json.output());
		while (command.find()) {
			commands.add(command.group(1).replace("\\\\", "\\").replace("\\\"", "\""));
		}
		assertThat(commands).containsExactlyInAnyOrderElementsOf(
				this.sudoers.rules().stream().map((rule) -> rule.entry().text()).distinct().toList());
	}

	/**
	 * The values Postern puts in each argument with the default settings.
	 */
	private List<List<String>> examples(CommandKind kind) {
		List<List<String>> examples = new ArrayList<>();
		examples.add(new ArrayList<>());
		for (Argument argument : kind.arguments()) {
			List<List<String>> longer = new ArrayList<>();
			for (List<String> prefix : examples) {
				for (String value : examples(kind, argument)) {
					List<String> values = new ArrayList<>(prefix);
					values.add(value);
					longer.add(values);
				}
			}
			examples = longer;
		}
		return examples;
	}

	private List<String> examples(CommandKind kind, Argument argument) {
		Path config = this.properties.maddy().config();
		// Only the listing parses a candidate maddy.conf (MaddyCli.checkConfig).
		List<String> configs = (kind == CommandKind.MADDY_CREDS_LIST) ? List.of(config.toString(),
				HostFiles.candidate(config).toString(), HostFiles.candidate(config).toString())
				: List.of(config.toString());
		return switch (argument) {
			case UNIT -> List.of(this.properties.units().caddy(), this.properties.units().maddy());
			case LINES -> List.of(Integer.toString(Journal.MIN_LINES), Integer.toString(Journal.DEFAULT_LINES),
					Integer.toString(Journal.MAX_LINES));
			case JAIL -> List.of("maddy-auth", "maddy-dictonary-attack", "sshd", "recidive", "caddy_4xx.v2");
			case IP_ADDRESS -> List.of("192.0.2.10", "255.255.255.255", "2001:db8::1", "::1", "fe80::1:2:3:4");
			case MAILBOX -> List.of("a@b.co", "john.doe@example.org", "x-y_z.9@mail.xn--bcher-kva.example");
			case CONFIG_FILE -> configs;
			case ADMIN_ADDRESS -> List.of("localhost:2019", "127.0.0.1:2019", "[::1]:2019");
			case PATH ->
				List.of(this.properties.caddy().caddyfile().toString(), this.properties.maddy().aliases().toString());
			case NUMERIC_ID -> List.of("0", "998", "1000");
		};
	}

	/**
	 * Values an argument must never take in a privileged command: the common hostile
	 * words and, where Postern's own shape is narrower than the argument's, values of the
	 * argument's shape that Postern never uses.
	 */
	private List<String> hostile(Argument argument) {
		List<String> values = new ArrayList<>(HOSTILE);
		switch (argument) {
			case UNIT -> values.addAll(List.of("ssh.service", "caddy", "caddy.service.d", "postern.service"));
			case LINES -> values.addAll(List.of("0", "10000", "1e3", "-1"));
			case JAIL -> values.addAll(List.of("-maddy", ".x"));
			case IP_ADDRESS -> values.addAll(List.of("1.2.3", "1.2.3.4.5", "example.org", "--all"));
			case MAILBOX -> values.addAll(List.of("User@example.org", "-a@example.org", "a@-example.org", "a@example",
					"a@example.org.", "a+b@example.org", "a@example.org/x"));
			case CONFIG_FILE -> values.addAll(List.of("/etc/maddy/other.conf", "/tmp/maddy.conf",
					"/etc/maddy/.maddy.conf.postern-check-", "/etc/maddy/.maddy.conf.postern-check-0123456789ab/x",
					"/etc/maddy/.maddy.conf.postern-check-0123456789abc", "/etc/maddy/../../tmp/maddy.conf"));
			case ADMIN_ADDRESS -> values.addAll(List.of("0.0.0.0:2019", "caddy:2019"));
			case PATH -> values.addAll(List.of("/etc/shadow", "/etc/sudoers.d/postern"));
			case NUMERIC_ID -> values.addAll(List.of("-1", "0x10", "root"));
		}
		return values;
	}

	private static Run run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			return new Run(-1, output + "\n(timed out)");
		}
		return new Run(process.exitValue(), output);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * The output of a program the test ran.
	 *
	 * @param exitCode its exit code
	 * @param output its standard output and error
	 */
	private record Run(int exitCode, String output) {
	}

	/**
	 * A command as sudo sees it: the user it runs as and the resolved argv.
	 *
	 * @param runAs {@code root} or the user of {@code -u}
	 * @param argv the program's path and its arguments
	 */
	record Privileged(String runAs, List<String> argv) {

		/**
		 * Read a {@code sudo -n [-u user] program args...} command line.
		 * @param argv a command Postern runs
		 * @return the privileged command, or {@code null} when it does not go through
		 * sudo
		 */
		static Privileged of(List<String> argv) {
			if (argv.isEmpty() || !argv.get(0).equals("sudo")) {
				return null;
			}
			assertThat(argv.get(1)).as("sudo never asks for a password").isEqualTo("-n");
			int next = 2;
			String runAs = "root";
			if (argv.get(next).equals("-u")) {
				runAs = argv.get(next + 1);
				next += 2;
			}
			List<String> command = new ArrayList<>(argv.subList(next, argv.size()));
			String program = command.get(0);
			command.set(0, program.startsWith("/") ? program : SECURE_PATH.getOrDefault(program, "(not found)"));
			return new Privileged(runAs, List.copyOf(command));
		}

	}

}
