package postern.mail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import postern.PosternProperties;
import postern.TestServerRoot;
import postern.change.ValidationResult;
import postern.host.Command;
import postern.host.CommandCatalogue;
import postern.host.CommandResult;
import postern.host.ForwardingHost;
import postern.host.Host;
import postern.host.LocalHost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link MaddyCli} over the real local host and the maddy stand-in, under both error
 * behaviours.
 */
class MaddyCliTests {

	@TempDir
	Path folder;

	TestServerRoot root;

	MaddyStandin standin;

	List<Command> commands = new ArrayList<>();

	MaddyCli maddy;

	@BeforeEach
	void setUp() {
		this.root = TestServerRoot.createIn(this.folder);
		this.standin = new MaddyStandin(this.root);
		this.maddy = cli(this.standin.script());
	}

	@Test
	void listsComeFromTheStandInSeed() {
		assertThat(this.maddy.listCredentials()).contains("alice@xoyize.xyz", "bob@cinay.eu").isSorted();
		assertThat(this.maddy.listImapAccounts()).startsWith("postmaster@xoyize.xyz", "alice@xoyize.xyz");
	}

	@Test
	void commandsPutConfigFirstFlagsBeforeTheUserAndThePasswordOnStdin() {
		MaddyRun run = this.maddy.createCredentials("carol@xoyize.xyz", "a long secret 42");
		assertThat(run.succeeded()).isTrue();
		Command command = this.commands.get(0);
		assertThat(command.argv()).containsExactly(this.standin.script().toString(), "--config",
				this.standin.config().toString(), "creds", "create", "carol@xoyize.xyz");
		assertThat(new String(command.stdin(), StandardCharsets.UTF_8)).isEqualTo("a long secret 42\n");
		assertThat(this.maddy.removeCredentials("carol@xoyize.xyz").succeeded()).isTrue();
		assertThat(this.commands.get(1).argv()).endsWith("creds", "remove", "-y", "carol@xoyize.xyz");
		assertThat(this.maddy.removeImapAccount("nobody@xoyize.xyz").commandLine())
			.endsWith("imap-acct remove -y nobody@xoyize.xyz");
		assertThat(this.standin.callLog()).doesNotContain("a long secret 42");
	}

	@ParameterizedTest
	@ValueSource(strings = { MaddyStandin.V07, MaddyStandin.V09 })
	void errorsAreReadFromExitCodeAndStderr(String version) {
		this.standin.version(version);
		MaddyRun duplicate = this.maddy.createImapAccount("alice@xoyize.xyz");
		assertThat(duplicate.error()).isEqualTo(MaddyError.ALREADY_EXISTS);
		assertThat(duplicate.message()).isEqualTo("imap: user already exists");
		assertThat(duplicate.exitCode()).isEqualTo(version.equals(MaddyStandin.V07) ? 1 : 0);

		MaddyRun credentials = this.maddy.createCredentials("alice@xoyize.xyz", "another secret 1");
		assertThat(credentials.error()).isEqualTo(MaddyError.ALREADY_EXISTS);
		assertThat(credentials.message()).isEqualTo("auth.pass_table: credentials for alice@xoyize.xyz already exist");

		MaddyRun missing = this.maddy.removeImapAccount("nobody@xoyize.xyz");
		assertThat(missing.error()).isEqualTo(MaddyError.NOT_FOUND);

		this.standin.fail("creds", "password", "open credentials.db: permission denied");
		assertThat(this.maddy.changePassword("alice@xoyize.xyz", "another secret 1").error())
			.isEqualTo(MaddyError.PERMISSION_DENIED);
	}

	@Test
	void interpretSeesAppRunFailedBehindThePromptAndUnescapesTheReason() {
		Command command = new CommandCatalogue(properties(this.standin.script()))
			.command(postern.host.CommandKind.MADDY_CREDS_LIST, "/etc/maddy/maddy.conf");
		CommandResult result = new CommandResult(0, "",
				"Enter password for new user: app.Run failed\t{\"reason\":\"say \\\"no\\\"\\tthen\"}\n", Duration.ZERO,
				false);
		MaddyRun run = MaddyCli.interpret(command, result);
		assertThat(run.error()).isEqualTo(MaddyError.FAILED);
		assertThat(run.message()).isEqualTo("say \"no\"\tthen");
		CommandResult quiet = new CommandResult(0, "", "Failed to disable terminal output: x\nEnter new password: ",
				Duration.ZERO, false);
		assertThat(MaddyCli.interpret(command, quiet).succeeded()).isTrue();
		CommandResult sudo = new CommandResult(1, "", "sudo: a password is required\n", Duration.ZERO, false);
		assertThat(MaddyCli.interpret(command, sudo).error()).isEqualTo(MaddyError.PERMISSION_DENIED);
		CommandResult notFound = new CommandResult(1, "", "sudo: /usr/local/bin/maddy: command not found\n",
				Duration.ZERO, false);
		assertThat(MaddyCli.interpret(command, notFound).error()).isEqualTo(MaddyError.NOT_INSTALLED);
		CommandResult killed = new CommandResult(-1, "", "", Duration.ofSeconds(60), true);
		assertThat(MaddyCli.interpret(command, killed).error()).isEqualTo(MaddyError.TIMED_OUT);
	}

	@Test
	void missingBinaryIsNotInstalled() {
		MaddyCli absent = cli(this.folder.resolve("usr/local/bin/maddy"));
		assertThat(absent.createImapAccount("x@xoyize.xyz").error()).isEqualTo(MaddyError.NOT_INSTALLED);
		assertThatExceptionOfType(MaddyException.class).isThrownBy(absent::listCredentials)
			.satisfies((ex) -> assertThat(ex.getError()).isEqualTo(MaddyError.NOT_INSTALLED));
	}

	@ParameterizedTest
	@ValueSource(strings = { MaddyStandin.V07, MaddyStandin.V09 })
	void listFailureThrows(String version) {
		this.standin.version(version);
		this.standin.fail("imap-acct", "list", "imapsql: database is locked");
		assertThatExceptionOfType(MaddyException.class).isThrownBy(this.maddy::listImapAccounts)
			.satisfies((ex) -> assertThat(ex.getRun().message()).isEqualTo("imapsql: database is locked"));
	}

	@Test
	void passwordsThatMaddyCannotReadAreRefusedBeforeAnyCall() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.maddy.createCredentials("a@xoyize.xyz", "two\nlines"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.maddy.changePassword("a@xoyize.xyz", ""));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.maddy.createCredentials("a@xoyize.xyz", "x".repeat(73)));
		assertThat(this.commands).isEmpty();
	}

	@Test
	void addressesOutsideTheMailboxShapeNeverReachACommand() {
		for (String hostile : List.of("-y", "a b@xoyize.xyz", "A@xoyize.xyz", "a@xoyize.xyz\n", "../a@xoyize.xyz",
				"a;rm@xoyize.xyz", "$(id)@xoyize.xyz", "a@xoyize..xyz", "\u0430@xoyize.xyz")) {
			assertThatIllegalArgumentException().as(hostile).isThrownBy(() -> this.maddy.createImapAccount(hostile));
		}
		assertThat(this.commands).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { MaddyStandin.V07, MaddyStandin.V09 })
	void validatorRefusesAConfigMaddyCannotParseAndDeletesTheCandidate(String version) throws Exception {
		this.standin.version(version);
		MaddyConfValidator validator = new MaddyConfValidator(this.maddy, properties(this.standin.script()));
		Path config = this.standin.config();
		assertThat(validator.handles(host(), config)).isTrue();
		assertThat(validator.handles(host(), this.root.resolve("etc/maddy/aliases"))).isFalse();
		byte[] good = Files.readAllBytes(config);
		assertThat(validator.validate(host(), config, good).ok()).isTrue();

		ValidationResult unbalanced = validator.validate(host(), config,
				(new String(good, StandardCharsets.UTF_8) + "\nimap tcp://0.0.0.0:1143 {\n").getBytes());
		assertThat(unbalanced.ok()).isFalse();
		assertThat(unbalanced.output()).startsWith("Error: failed to parse config: " + config);

		ValidationResult garbage = validator.validate(host(), config,
				("garbage line\n" + new String(good, StandardCharsets.UTF_8)).getBytes());
		assertThat(garbage.ok()).isFalse();
		assertThat(garbage.output()).contains("unknown module or global directive: garbage");
		try (var files = Files.list(config.getParent())) {
			assertThat(files.map((path) -> path.getFileName().toString())).noneMatch((name) -> name.startsWith("."));
		}
		assertThat(Files.readAllBytes(config)).isEqualTo(good);
	}

	private MaddyCli cli(Path binary) {
		PosternProperties properties = properties(binary);
		Host host = host();
		return new MaddyCli(() -> host, new CommandCatalogue(properties), properties);
	}

	private Host host() {
		LocalHost local = new LocalHost("test", new PosternProperties.Backups(this.root.resolve("data/backups"), 5),
				(event) -> {
				}, Clock.systemUTC());
		return new ForwardingHost(local) {
			@Override
			public CommandResult run(Command command) {
				MaddyCliTests.this.commands.add(command);
				return super.run(command);
			}
		};
	}

	private PosternProperties properties(Path binary) {
		PosternProperties.Maddy maddy = new PosternProperties.Maddy(binary, this.root.resolve("etc/maddy/maddy.conf"),
				this.root.resolve("etc/maddy/aliases"), this.root.resolve("var/lib/maddy"),
				this.root.resolve("etc/maddy/certs"), List.of());
		return new PosternProperties(this.root.resolve("data"), maddy, null, null, null,
				new PosternProperties.Backups(this.root.resolve("data/backups"), 5), null, null, null, null);
	}

}
