package postern.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import postern.TestServerRoot;

/**
 * The maddy CLI test stand-in of a {@link TestServerRoot}: its switches (version, failing
 * sub-commands), its state files and its call log, and a way to run it directly.
 */
public final class MaddyStandin {

	/** The version whose CLI exits 1 on errors. */
	public static final String V07 = "0.7.1";

	/** A version whose CLI exits 0 on errors and writes {@code app.Run failed}. */
	public static final String V09 = "0.9.4";

	private final TestServerRoot root;

	public MaddyStandin(TestServerRoot root) {
		this.root = root;
	}

	public Path script() {
		return this.root.resolve("standins/maddy-standin");
	}

	public Path config() {
		return this.root.resolve("etc/maddy/maddy.conf");
	}

	public Path state(String name) {
		return this.root.resolve("state/maddy/" + name);
	}

	/**
	 * Behave as a maddy version.
	 * @param version e.g. {@link #V07} or {@link #V09}
	 */
	public void version(String version) {
		write("version", version + "\n");
	}

	/**
	 * Make a sub-command fail with a message, before it changes anything.
	 * @param group {@code creds} or {@code imap-acct}
	 * @param sub e.g. {@code create}
	 * @param message the error it reports
	 */
	public void fail(String group, String sub, String message) {
		write("fail-" + group + "-" + sub, message + "\n");
	}

	/**
	 * Make a sub-command wait, before it does anything, until {@link #release} is called.
	 * @param group {@code creds} or {@code imap-acct}
	 * @param sub e.g. {@code list}
	 */
	public void hold(String group, String sub) {
		write("hold-" + group + "-" + sub, "");
	}

	/**
	 * Let a held sub-command go on.
	 * @param group {@code creds} or {@code imap-acct}
	 * @param sub e.g. {@code list}
	 */
	public void release(String group, String sub) {
		try {
			Files.deleteIfExists(state("hold-" + group + "-" + sub));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether a call of a held sub-command is waiting.
	 * @param group {@code creds} or {@code imap-acct}
	 * @param sub e.g. {@code list}
	 * @return {@code true} once a call waits for {@link #release}
	 */
	public boolean holding(String group, String sub) {
		return Files.exists(state("holding-" + group + "-" + sub));
	}

	/**
	 * Back to v0.7 behaviour with no failing or held sub-command.
	 */
	public void reset() {
		version(V07);
		try (var files = Files.list(this.root.resolve("state/maddy"))) {
			for (Path file : files.filter(MaddyStandin::isSwitch).toList()) {
				Files.delete(file);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean isSwitch(Path file) {
		String name = file.getFileName().toString();
		return name.startsWith("fail-") || name.startsWith("hold-");
	}

	public String callLog() {
		return read("calls.log");
	}

	public String read(String name) {
		try {
			Path file = state(name);
			return Files.exists(file) ? Files.readString(file) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void write(String name, String content) {
		try {
			Files.createDirectories(state(name).getParent());
			Files.writeString(state(name), content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The stored value of a login, {@code standin-sha256:<hex>} of its password.
	 * @param address the login
	 * @return the value, or {@code null} when there is no such login
	 */
	public String credentialValue(String address) {
		return read("credentials").lines()
			.filter((line) -> line.startsWith(address + "\t"))
			.map((line) -> line.substring(address.length() + 1))
			.findFirst()
			.orElse(null);
	}

	/**
	 * What the stand-in stores for a password.
	 * @param password the password
	 * @return {@code standin-sha256:<hex>}
	 */
	public static String valueOf(String password) {
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
				.digest(password.getBytes(StandardCharsets.UTF_8));
			return "standin-sha256:" + java.util.HexFormat.of().formatHex(digest);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Run the stand-in directly.
	 * @param stdin what to write on its standard input, or {@code null} for none (EOF)
	 * @param args its arguments
	 * @return what it did
	 */
	public Result run(String stdin, String... args) {
		List<String> argv = new ArrayList<>();
		argv.add(script().toString());
		argv.addAll(List.of(args));
		try {
			Process process = new ProcessBuilder(argv).start();
			try (var input = process.getOutputStream()) {
				if (stdin != null) {
					input.write(stdin.getBytes(StandardCharsets.UTF_8));
				}
			}
			byte[] out = process.getInputStream().readAllBytes();
			byte[] err = process.getErrorStream().readAllBytes();
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("The stand-in did not finish: " + argv);
			}
			return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
					new String(err, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What one call of the stand-in did.
	 *
	 * @param exitCode its exit code
	 * @param stdout its standard output
	 * @param stderr its standard error
	 */
	public record Result(int exitCode, String stdout, String stderr) {
	}

}
