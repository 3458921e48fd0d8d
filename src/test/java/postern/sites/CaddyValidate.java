package postern.sites;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import postern.SystemBinaries;

/**
 * Runs the installed {@code caddy validate} on a Caddyfile text, for tests of what
 * Postern writes.
 */
final class CaddyValidate {

	private CaddyValidate() {
	}

	static Path caddy() {
		return SystemBinaries.require("caddy", Path.of("/usr/bin/caddy"), Path.of("/usr/local/bin/caddy"));
	}

	/**
	 * Validate a Caddyfile.
	 * @param folder where to write it
	 * @param text the Caddyfile
	 * @return {@code null} when valid, else what caddy said
	 */
	static String errors(Path folder, String text) throws IOException, InterruptedException {
		Path file = Files.createTempFile(folder, "Caddyfile", "");
		Files.writeString(file, text, StandardCharsets.UTF_8);
		Process process = new ProcessBuilder(caddy().toString(), "validate", "--config", file.toString(), "--adapter",
				"caddyfile")
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			return "timed out";
		}
		return (process.exitValue() == 0) ? null : output;
	}

}
