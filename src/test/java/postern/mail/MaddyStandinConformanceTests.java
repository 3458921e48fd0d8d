package postern.mail;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import postern.TestServerRoot;
import postern.mail.MaddyStandin.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The maddy CLI stand-in against the cheat sheet of maddy.md §1.5 (v0.7.1 behaviour), row
 * by row, and against §1.4 for v0.8.2+ ("replace every exit 1 by exit 0 + stderr
 * {@code app.Run failed\t{"reason":…}}"). Each test runs under both behaviours.
 */
class MaddyStandinConformanceTests {

	@TempDir
	Path folder;

	MaddyStandin maddy;

	String config;

	@BeforeEach
	void emptyServer() throws Exception {
		this.maddy = new MaddyStandin(TestServerRoot.createIn(this.folder));
		this.maddy.write("credentials", "");
		this.maddy.write("imap-accounts", "");
		this.config = this.maddy.config().toString();
	}

	// §1.5 row: creds list -> stdout: keys, one per line; empty: stderr "No users.", exit
	// 0
	@ParameterizedTest
	@ValueSource(strings = { MaddyStandin.V07, MaddyStandin.V09 })
	void credsListPrintsKeysOnePerLineOrNoUsers(String version) {
		this.maddy.version(version);
		Result empty = run(null, "creds", "list");
		assertThat(empty.exitCode()).isZero();
		assertThat(empty.stdout()).isEmpty();
		assertThat(empty.stderr()).isEqualTo("No users.\n");

		run("password-one\n", "creds", "create", "b@example.org");
		run("password-two\n", "creds", "create", "a@example.org");
		Result listed = run(null, "creds", "list");
		assertThat(listed.exitCode()).isZero();
		assertThat(listed.stdout()).isEqualTo("a@example.org\nb@example.org\n");
		assertThat(listed.stderr()).isEmpty();
	}

	// §1.5 row: creds create [-p P] U -> ok: stdout empty, exit 0 (stdin: one line =
	// password, no confirmation)
	@ParameterizedTest
	@ValueSource(strings = { MaddyStandin.V07, MaddyStandin.V09 })
	void credsCreateReadsOneLineOfStdinAndPrintsNothing(String version) {
		this.maddy.version(version);
		Result created = run("first line\nsecond line\n", "creds", "create", "New@Example.org");
		assertThat(created.exitCode()).isZero();
		assertThat(created.stdout()).isEmpty();
		assertThat(created.stderr()).contains("Enter password for new user: ").doesNotContain("first line");
		assertThat(this.maddy.credentialValue("new@example.org")).isEqualTo(MaddyStandin.valueOf("first line"));

		Result withFlag = run(null, "creds", "create", "-p", "flag password", "flag@example.org");
		assertThat(withFlag.exitCode()).isZero();
		assertThat(withFlag.stderr()).doesNotContain("Enter password");
		assertThat(this.maddy.credentialValue("flag@example.org")).isEqualTo(MaddyStandin.valueOf("flag password"));
	}

	// §1.2: a CR before the newline is stripped; EOF gives an empty password
	@Test
	void credsCreateStripsCarriageReturnAndTakesEofAsEmptyPassword() {
		assertThat(run("secret\r\n", "creds", "create", "crlf@example.org").exitCode()).isZero();
		assertThat(this.maddy.credentialValue("crlf@example.org")).isEqualTo(MaddyStandin.valueOf("secret"));
		assertThat(run(null, "creds", "create", "empty@example.org").exitCode()).isZero();
		assertThat(this.maddy.credentialValue("empty@example.org")).isEqualTo(MaddyStandin.valueOf(""));
	}

	// §1.5 row: creds create U -> exists: stderr "auth.pass_table: credentials for u
	// already exist", exit 1
	@ParameterizedTest
	@ValueSource(strings = { MaddyStandin.V07, MaddyStandin.V09 })
	void credsCreateWhenExistsFails(String version) {
		this.maddy.version(version);
		run("password-one\n", "creds", "create", "u@example.org");
		Result again = run("password-two\n", "creds", "create", "U@example.org");
		assertPlainError(version, again, "auth.pass_table: credentials for u@example.org already exist");
		assertThat(this.maddy.credentialValue("u@example.org")).isEqualTo(MaddyStandin.valueOf("password-one"));
	}

	// §1.5 row: creds create bad U -> stderr "auth.pass_table: create user U (raw):
	// precis: …", exit 1
	@ParameterizedTest
	@ValueSource(strings = { MaddyStandin.V07, MaddyStandin.V09 })
	void credsCreateWhenNameHasASpaceFailsWithPrecis(String version) {
		this.maddy.version(version);
		Result bad = run("password\n", "creds", "create", "bad user@example.org");
		assertPlainError(version, bad, "auth.pass_table: create user bad user@example.org (raw): precis: ");
		assertThat(this.maddy.read("credentials")).isEmpty();
	}

	// §1.5 row: creds create (no U) -> stderr "Error: USERNAME is required", exit 2 (in
	// every version: cli.Exit keeps its code, §1.4)
	@ParameterizedTest
	@ValueSource(strings = { MaddyStandin.V07, MaddyStandin.V09 })
	void credsCreateWithoutUserExitsTwo(String version) {
		this.maddy.version(version);
		Result missing = run("password\n", "creds", "create");
		assertThat(missing.exitCode()).isEqualTo(2);
		assertThat(missing.stderr()).isEqualTo("Error: USERNAME is required\n");
	}

	// §1.5 row: creds password [-p P] U -> upsert, never "not found"; ok exit 0
	@ParameterizedTest
	@ValueSource(strings = { MaddyStandin.V07, MaddyStandin.V09 })
	void credsPasswordUpsertsAndNeverSaysNotFound(String version) {
		this.maddy.version(version);
		Result created = run("new password\n", "creds", "password", "ghost@example.org");
		assertThat(created.exitCode()).isZero();
		assertThat(created.stdout()).isEmpty();
		assertThat(created.stderr()).contains("Enter new password: ").doesNotContain("app.Run failed");
		assertThat(this.maddy.credentialValue("ghost@example.org")).isEqualTo(MaddyStandin.valueOf("new password"));
		assertThat(run("changed\n", "creds", "password", "ghost@example.org").exitCode()).isZero();
		assertThat(this.maddy.credentialValue("ghost@example.org")).isEqualTo(MaddyStandin.valueOf("changed"));
	}

	// §1.5 row: creds remove [-y] U -> no -y: stderr prompt, reads a line; not y ->
	// "Cancelled" exit 1 ([newer] "cancelled")
	@ParameterizedTest
	@ValueSource(strings = { MaddyStandin.V07, MaddyStandin.V09 })
	void credsRemoveWithoutYesAsksAndCancels(String version) {
		this.maddy.version(version);
		run("password\n", "creds", "create", "keep@example.org");
		Result no = run("n\n", "creds", "remove", "keep@example.org");
		assertThat(no.stderr()).contains("Are you sure you want to delete this user account? [y/N]: ");
		assertPlainError(version, no, version.equals(MaddyStandin.V07) ? "Cancelled" : "cancelled");
		Result eof = run(null, "creds", "remove", "keep@example.org");
		assertThat(eof.stderr()).contains("<nil>");
		assertThat(this.maddy.credentialValue("keep@example.org")).isNotNull();
		Result yes = run("y\n", "creds", "remove", "keep@example.org");
		assertThat(yes.exitCode()).isZero();
		assertThat(this.maddy.credentialValue("keep@example.org")).isNull();
	}

	// §1.5 row: creds remove -y U -> missing user: exit 0 (silent)
	@ParameterizedTest
	@ValueSource(strings = { MaddyStandin.V07, MaddyStandin.V09 })
	void credsRemoveOfMissingUserIsSilent(String version) {
		this.maddy.version(version);
		Result removed = run(null, "creds", "remove", "-y", "nobody@example.org");
		assertThat(removed.exitCode()).isZero();
		assertThat(removed.stdout()).isEmpty();
		assertThat(removed.stderr()).isEmpty();
	}

	// §1.5 row: imap-acct list -> stdout: names in creation order; empty: stderr "No
	// users."
	@ParameterizedTest
	@ValueSource(strings = { MaddyStandin.V07, MaddyStandin.V09 })
	void imapAcctListPrintsNamesInCreationOrder(String version) {
		this.maddy.version(version);
		Result empty = run(null, "imap-acct", "list");
		assertThat(empty.exitCode()).isZero();
		assertThat(empty.stderr()).isEqualTo("No users.\n");
		run(null, "imap-acct", "create", "zed@example.org");
		run(null, "imap-acct", "create", "Amy@example.org");
		Result listed = run(null, "imap-acct", "list");
		assertThat(listed.exitCode()).isZero();
		assertThat(listed.stdout()).isEqualTo("zed@example.org\namy@example.org\n");
	}

	// §1.5 row: imap-acct create U -> dup: "imap: user already exists" exit 1
	@ParameterizedTest
	@ValueSource(strings = { MaddyStandin.V07, MaddyStandin.V09 })
	void imapAcctCreateWhenDuplicateFails(String version) {
		this.maddy.version(version);
		Result created = run(null, "imap-acct", "create", "dup@example.org");
		assertThat(created.exitCode()).isZero();
		assertThat(created.stdout()).isEmpty();
		assertPlainError(version, run(null, "imap-acct", "create", "dup@example.org"), "imap: user already exists");
	}

	// §1.5 row: imap-acct remove [-y] U -> missing: "imap: user doesn't exists" exit 1
	@ParameterizedTest
	@ValueSource(strings = { MaddyStandin.V07, MaddyStandin.V09 })
	void imapAcctRemoveWhenMissingFails(String version) {
		this.maddy.version(version);
		assertPlainError(version, run(null, "imap-acct", "remove", "-y", "gone@example.org"),
				"imap: user doesn't exists");
		run(null, "imap-acct", "create", "here@example.org");
		assertThat(run(null, "imap-acct", "remove", "-y", "here@example.org").exitCode()).isZero();
		assertThat(this.maddy.read("imap-accounts")).isEmpty();
	}

	// §1.1: --config and -config before the sub-command; flags stop at the user name
	@Test
	void globalConfigFlagTakesOneOrTwoDashesAndFlagsAfterTheUserAreIgnored() {
		assertThat(this.maddy.run(null, "-config", this.config, "creds", "list").exitCode()).isZero();
		assertThat(this.maddy.run(null, "--config=" + this.config, "creds", "list").exitCode()).isZero();
		Result late = run("from stdin\n", "creds", "create", "late@example.org", "-p", "from argv");
		assertThat(late.exitCode()).isZero();
		assertThat(this.maddy.credentialValue("late@example.org")).isEqualTo(MaddyStandin.valueOf("from stdin"));
	}

	// §1.4 and §6: a config maddy cannot parse gives "Error: failed to parse config",
	// exit 2 in every version; a missing one "Error: failed to open config"
	@ParameterizedTest
	@ValueSource(strings = { MaddyStandin.V07, MaddyStandin.V09 })
	void brokenConfigExitsTwo(String version) throws Exception {
		this.maddy.version(version);
		Path broken = this.folder.resolve("broken.conf");
		Files.writeString(broken, Files.readString(this.maddy.config()).replaceFirst("\\}", ""));
		Result parse = this.maddy.run(null, "--config", broken.toString(), "creds", "list");
		assertThat(parse.exitCode()).isEqualTo(2);
		assertThat(parse.stderr()).startsWith("Error: failed to parse config: " + broken);
		Result open = this.maddy.run(null, "--config", this.folder.resolve("missing.conf").toString(), "creds", "list");
		assertThat(open.exitCode()).isEqualTo(2);
		assertThat(open.stderr()).startsWith("Error: failed to open config: ");
		Path unknown = this.folder.resolve("unknown.conf");
		Files.writeString(unknown, Files.readString(this.maddy.config()) + "\nnot_a_directive here\n");
		assertPlainError(version, this.maddy.run(null, "--config", unknown.toString(), "creds", "list"), unknown + ":"
				+ (Files.readAllLines(unknown).size()) + ": unknown module or global directive: not_a_directive");
	}

	// §1.3 and §1.4: --cfg-block must name a block of the right module
	@Test
	void wrongConfigBlockExitsTwo() {
		Result wrong = run(null, "creds", "list", "--cfg-block", "local_mailboxes");
		assertThat(wrong.exitCode()).isEqualTo(2);
		assertThat(wrong.stderr())
			.isEqualTo("Error: configuration block local_mailboxes is not a local credentials store\n");
		Result unknown = run(null, "imap-acct", "list", "--cfg-block=nothing");
		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.stderr()).isEqualTo("Error: unknown configuration block: nothing\n");
	}

	@Test
	void everyCallIsLoggedWithItsArgvButNeverItsStdin() {
		run("stdin-secret-123\n", "creds", "create", "logged@example.org");
		assertThat(this.maddy.callLog()).contains("creds\tcreate\tlogged@example.org")
			.doesNotContain("stdin-secret-123");
	}

	@Test
	void eachCallTakesMilliseconds() {
		long start = System.nanoTime();
		for (int i = 0; i < 10; i++) {
			run(null, "creds", "list");
		}
		assertThat((System.nanoTime() - start) / 10 / 1_000_000).as("ms per call").isLessThan(500);
	}

	private Result run(String stdin, String... args) {
		String[] all = new String[args.length + 2];
		all[0] = "--config";
		all[1] = this.config;
		System.arraycopy(args, 0, all, 2, args.length);
		return this.maddy.run(stdin, all);
	}

	private static void assertPlainError(String version, Result result, String text) {
		if (version.equals(MaddyStandin.V07)) {
			assertThat(result.exitCode()).as("exit code").isEqualTo(1);
			assertThat(result.stderr()).contains(text).contains("\t\n");
		}
		else {
			assertThat(result.exitCode()).as("exit code").isZero();
			assertThat(result.stderr()).contains("app.Run failed\t{\"reason\":\"").contains(text);
		}
	}

}
