package postern.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import postern.PosternProperties;
import postern.TestServerRoot;
import postern.host.CommandCatalogue;
import postern.host.Host;
import postern.host.LocalHost;

/**
 * The system services over a real local host whose system tools are the test stand-ins of
 * a temporary server root: every command is a real process.
 */
final class StandinServer {

	final TestServerRoot root;

	final PosternProperties properties;

	final LocalHost host;

	final List<Object> events = new CopyOnWriteArrayList<>();

	final SystemCommands commands;

	StandinServer(Path folder, Duration statusTimeout) {
		this.root = TestServerRoot.createIn(folder);
		PosternProperties.Caddy caddy = new PosternProperties.Caddy(this.root.resolve("usr/local/bin/caddy"),
				this.root.resolve("etc/caddy/Caddyfile"), this.root.resolve("var/caddy/www"),
				this.root.resolve("var/lib/caddy"), PosternProperties.CaddyReload.SYSTEMCTL,
				URI.create("http://localhost:2019"));
		PosternProperties.Backups backups = new PosternProperties.Backups(this.root.resolve("data/backups"), 3);
		this.properties = new PosternProperties(this.root.resolve("data"), null, caddy,
				new PosternProperties.Units("caddy.service", "maddy.service"),
				new PosternProperties.Systemctl(List.of(this.root.resolve("standins/standin").toString()),
						statusTimeout),
				backups, new PosternProperties.Server("", "", 22), null,
				new PosternProperties.Health(Duration.ofHours(6), new PosternProperties.Ports(25, 587, 465, 993, 443),
						null, null, null, Duration.ZERO),
				null);
		this.host = new LocalHost("standin", backups, this.events::add, Clock.systemUTC());
		this.commands = new SystemCommands(() -> this.host, new CommandCatalogue(this.properties), this.properties);
	}

	Host host() {
		return this.host;
	}

	/**
	 * A file of the stand-ins' state, e.g. {@code fail2ban/maddy-auth}.
	 */
	Path state(String relative) {
		return this.root.resolve("state/" + relative);
	}

	void hang(String tool) {
		write("hang/" + tool, "");
	}

	void write(String relative, String content) {
		try {
			Path file = state(relative);
			Files.createDirectories(file.getParent());
			Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String read(String relative) {
		try {
			return Files.readString(state(relative));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void delete(String relative) {
		try {
			try (var paths = Files.walk(state(relative))) {
				paths.sorted(java.util.Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
