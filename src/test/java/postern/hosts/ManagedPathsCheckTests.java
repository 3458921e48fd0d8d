package postern.hosts;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import postern.PosternProperties;
import postern.host.FileStatus;
import postern.host.ForwardingHost;
import postern.host.Host;
import postern.host.HostException;
import postern.host.LocalHost;
import postern.hosts.ManagedPathsCheck.Problem;
import postern.hosts.ManagedPathsCheck.Result;
import postern.hosts.ManagedPathsCheck.Thing;

import static org.assertj.core.api.Assertions.assertThat;

class ManagedPathsCheckTests {

	private static final String USER = System.getProperty("user.name");

	@TempDir
	Path root;

	private PosternProperties properties;

	@BeforeEach
	void serverRoot() {
		PosternProperties.Maddy maddy = new PosternProperties.Maddy(this.root.resolve("usr/local/bin/maddy"),
				this.root.resolve("etc/maddy/maddy.conf"), this.root.resolve("etc/maddy/aliases"),
				this.root.resolve("var/lib/maddy"), this.root.resolve("etc/maddy/certs"), List.of());
		PosternProperties.Caddy caddy = new PosternProperties.Caddy(this.root.resolve("usr/local/bin/caddy"),
				this.root.resolve("etc/caddy/Caddyfile"), this.root.resolve("var/caddy/www"),
				this.root.resolve("caddy-data"), PosternProperties.CaddyReload.SYSTEMCTL,
				URI.create("http://localhost:2019"));
		PosternProperties.Backups backups = new PosternProperties.Backups(this.root.resolve("data/backups"), 3);
		this.properties = new PosternProperties(this.root.resolve("data"), maddy, caddy, null, null, backups, null,
				null, null, null);
	}

	/**
	 * Root may write anything, so as root the check sees what a user owning the files
	 * would see: the owner's mode bits.
	 */
	private ManagedPathsCheck check() {
		LocalHost local = new LocalHost("test", this.properties.backups(), (event) -> {
		}, Clock.systemUTC());
		Host host = "root".equals(USER) ? new OwnerBitsHost(local) : local;
		return new ManagedPathsCheck(this.properties, () -> host);
	}

	private Map<Thing, Result> byThing(List<Result> results) {
		return results.stream().collect(Collectors.toMap(Result::thing, Function.identity()));
	}

	private Path file(Path path, String mode) throws IOException {
		Files.createDirectories(path.getParent());
		Files.writeString(path, "");
		Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
		return path;
	}

	@Test
	void recheckWhenServerRootIsEmptyReportsMissingAndCreatesBackups() {
		Map<Thing, Result> results = byThing(check().recheck());
		assertThat(results).hasSize(Thing.values().length);
		assertThat(results.get(Thing.CADDYFILE).problem()).isEqualTo(Problem.MISSING);
		assertThat(results.get(Thing.CADDYFILE).fix())
			.isEqualTo("sudo install -D -m 0664 -g " + USER + " /dev/null " + this.root.resolve("etc/caddy/Caddyfile"));
		assertThat(results.get(Thing.MADDY_BINARY).problem()).isEqualTo(Problem.MISSING);
		assertThat(results.get(Thing.MADDY_BINARY).fix()).isNull();
		assertThat(results.get(Thing.WEB_ROOT).fix())
			.isEqualTo("sudo install -d -o " + USER + " -g " + USER + " -m 0755 " + this.root.resolve("var/caddy/www"));
		assertThat(results.get(Thing.DKIM_KEYS).path()).isEqualTo(this.root.resolve("var/lib/maddy/dkim_keys"));
		assertThat(results.get(Thing.BACKUPS).problem()).isEqualTo(Problem.OK);
		assertThat(this.root.resolve("data/backups")).isDirectory();
	}

	@Test
	void recheckWhenFilesArePresentReportsEachProblem() throws IOException {
		file(this.root.resolve("etc/caddy/Caddyfile"), "rw-rw-r--");
		file(this.root.resolve("usr/local/bin/caddy"), "rwxr-xr-x");
		file(this.root.resolve("usr/local/bin/maddy"), "rw-r--r--");
		Path config = file(this.root.resolve("etc/maddy/maddy.conf"), "r--r--r--");
		Files.createDirectories(this.root.resolve("var/caddy/www"));
		Map<Thing, Result> results = byThing(check().recheck());
		assertThat(results.get(Thing.CADDYFILE).problem()).isEqualTo(Problem.OK);
		assertThat(results.get(Thing.CADDYFILE).fix()).isNull();
		assertThat(results.get(Thing.CADDYFILE).status().mode()).isEqualTo(0664);
		assertThat(results.get(Thing.CADDY_BINARY).problem()).isEqualTo(Problem.OK);
		assertThat(results.get(Thing.WEB_ROOT).problem()).isEqualTo(Problem.OK);
		assertThat(results.get(Thing.MADDY_BINARY).problem()).isEqualTo(Problem.NOT_EXECUTABLE);
		assertThat(results.get(Thing.MADDY_BINARY).fix())
			.isEqualTo("sudo chmod a+rx " + this.root.resolve("usr/local/bin/maddy"));
		Result readOnly = results.get(Thing.MADDY_CONFIG);
		assertThat(readOnly.status().mode()).isEqualTo(0444);
		assertThat(readOnly.problem()).isEqualTo(Problem.NOT_WRITABLE);
		assertThat(readOnly.fix()).contains("sudo chmod g+rw " + config);
	}

	@Test
	void resultsWhenCheckedOnceKeepsThemUntilRecheck() throws IOException {
		ManagedPathsCheck check = check();
		assertThat(byThing(check.results()).get(Thing.CADDYFILE).problem()).isEqualTo(Problem.MISSING);
		file(this.root.resolve("etc/caddy/Caddyfile"), "rw-rw-r--");
		assertThat(byThing(check.results()).get(Thing.CADDYFILE).problem()).isEqualTo(Problem.MISSING);
		assertThat(byThing(check.recheck()).get(Thing.CADDYFILE).problem()).isEqualTo(Problem.OK);
		assertThat(byThing(check.results()).get(Thing.CADDYFILE).problem()).isEqualTo(Problem.OK);
	}

	@Test
	void checkAtStartWhenHostFailsDoesNotThrow() {
		ManagedPathsCheck check = new ManagedPathsCheck(this.properties, () -> {
			throw new HostException("no host");
		});
		check.checkAtStart();
	}

	@Test
	void fixWhenFileGroupIsRootGivesItToPosternsGroup() {
		FileStatus caddyfile = status("/etc/caddy/Caddyfile", false, "root", true, false);
		FileStatus folder = status("/etc/caddy", true, "root", true, true);
		assertThat(fix(Thing.CADDYFILE, caddyfile, folder, "postern"))
			.isEqualTo("sudo chgrp postern /etc/caddy/Caddyfile && sudo chmod g+rw /etc/caddy/Caddyfile");
	}

	@Test
	void fixWhenFolderIsNotWritableFixesTheFolderToo() {
		FileStatus aliases = status("/etc/maddy/aliases", false, "maddy", true, false);
		FileStatus folder = status("/etc/maddy", true, "root", true, false);
		assertThat(fix(Thing.MADDY_ALIASES, aliases, folder, "postern"))
			.isEqualTo("sudo usermod -a -G maddy postern && sudo chmod g+rw /etc/maddy/aliases"
					+ " && sudo chgrp postern /etc/maddy && sudo chmod g+rwx /etc/maddy");
	}

	@Test
	void fixWhenOnlyFolderIsNotWritableReportsNotWritable() {
		FileStatus caddyfile = status("/etc/caddy/Caddyfile", false, "postern", true, true);
		FileStatus folder = status("/etc/caddy", true, "postern", true, false);
		assertThat(ManagedPathsCheck.problem(Thing.CADDYFILE, caddyfile, folder)).isEqualTo(Problem.NOT_WRITABLE);
		assertThat(fix(Thing.CADDYFILE, caddyfile, folder, "postern")).isEqualTo("sudo chmod g+rwx /etc/caddy");
	}

	@Test
	void fixWhenPathHasSpacesQuotesIt() {
		FileStatus root = status("/srv/web root's", true, "root", true, false);
		assertThat(fix(Thing.WEB_ROOT, root, null, "postern"))
			.isEqualTo("sudo chgrp postern '/srv/web root'\\''s' && sudo chmod g+rwx '/srv/web root'\\''s'");
	}

	@Test
	void messageKeysAreLowerKebabCase() {
		assertThat(Thing.MADDY_BINARY.messageKey()).isEqualTo("check.thing.maddy-binary");
		assertThat(Problem.NOT_WRITABLE.messageKey()).isEqualTo("check.problem.not-writable");
	}

	private static String fix(Thing thing, FileStatus status, FileStatus folder, String user) {
		return ManagedPathsCheck.fix(thing, status, folder, ManagedPathsCheck.problem(thing, status, folder), user);
	}

	private static FileStatus status(String path, boolean directory, String group, boolean readable, boolean writable) {
		return new FileStatus(Path.of(path), true, directory, readable, writable, directory, "root", group, 0644);
	}

	/**
	 * A host whose {@link #stat(Path)} answers from the owner's permission bits, as for a
	 * user who owns the files and is not root.
	 */
	private static final class OwnerBitsHost extends ForwardingHost {

		OwnerBitsHost(Host delegate) {
			super(delegate);
		}

		@Override
		public FileStatus stat(Path path) {
			FileStatus real = delegate().stat(path);
			if (!real.exists()) {
				return real;
			}
			int mode = real.mode();
			return new FileStatus(real.path(), true, real.directory(), (mode & 0400) != 0, (mode & 0200) != 0,
					(mode & 0100) != 0, real.owner(), real.group(), mode);
		}

		@Override
		public FileStatus createFolder(Path path) {
			delegate().createFolder(path);
			return stat(path);
		}

	}

}
