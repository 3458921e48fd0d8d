package postern;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A folder laid out like the reference server ({@code etc/maddy}, {@code etc/caddy},
 * {@code var/caddy/www}, {@code var/lib/maddy}), with the test stand-ins of the system
 * tools in {@code standins/} and their state in {@code state/} (the maddy stand-in's
 * mailboxes in {@code state/maddy/}). Made from {@code src/test/server-root} and
 * {@code src/test/standins}.
 */
public final class TestServerRoot {

	private static final Path TEMPLATE = Path.of("src/test/server-root");

	private static final Path STANDINS = Path.of("src/test/standins");

	private final Path root;

	private TestServerRoot(Path root) {
		this.root = root;
	}

	/**
	 * Lay out a server root in a folder, unless it is already there.
	 * @param root an empty or missing folder, or one made by an earlier call
	 * @return the server root
	 */
	public static TestServerRoot createIn(Path root) {
		try {
			if (!Files.isDirectory(root.resolve("etc"))) {
				copyTree(TEMPLATE, root);
				copyTree(STANDINS, root.resolve("standins"));
			}
			return new TestServerRoot(root.toAbsolutePath());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Path root() {
		return this.root;
	}

	/**
	 * A path inside the root.
	 * @param relative e.g. {@code etc/caddy/Caddyfile}
	 * @return the absolute path
	 */
	public Path resolve(String relative) {
		return this.root.resolve(relative);
	}

	/**
	 * The settings that point Postern at this root and its stand-ins.
	 * @return {@code postern.*} properties
	 */
	public Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("postern.data-dir", resolve("data").toString());
		properties.put("postern.maddy.binary", resolve("standins/maddy-standin").toString());
		properties.put("postern.maddy.config", resolve("etc/maddy/maddy.conf").toString());
		properties.put("postern.maddy.aliases", resolve("etc/maddy/aliases").toString());
		properties.put("postern.maddy.state-dir", resolve("var/lib/maddy").toString());
		properties.put("postern.maddy.cert-dir", resolve("etc/maddy/certs").toString());
		properties.put("postern.maddy.command-prefix", "");
		properties.put("postern.caddy.binary", caddyBinary().toString());
		properties.put("postern.caddy.caddyfile", resolve("etc/caddy/Caddyfile").toString());
		properties.put("postern.caddy.web-root", resolve("var/caddy/www").toString());
		properties.put("postern.caddy.data-dir", resolve("var/lib/caddy").toString());
		properties.put("postern.systemctl.command-prefix", resolve("standins/standin").toString());
		properties.put("postern.backups.dir", resolve("data/backups").toString());
		return properties;
	}

	/**
	 * Caddy from the system when installed (the real one validates Caddyfiles), else a
	 * path in the root where none is.
	 * @return the caddy binary to use
	 */
	Path caddyBinary() {
		return Stream.of(Path.of("/usr/bin/caddy"), Path.of("/usr/local/bin/caddy"))
			.filter(Files::isExecutable)
			.findFirst()
			.orElse(resolve("usr/local/bin/caddy"));
	}

	/**
	 * Copy a folder of test files, executables staying executable.
	 * @param from the folder to copy
	 * @param to where its copy goes
	 * @throws IOException when a file cannot be copied
	 */
	public static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> paths = Files.walk(from)) {
			for (Path source : paths.toList()) {
				Path target = to.resolve(from.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(source, target);
					if (Files.isExecutable(source)) {
						Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
					}
				}
			}
		}
	}

}
