package postern.sites;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import postern.PosternProperties;
import postern.TestProperties;
import postern.change.ReloadResult;
import postern.host.Command;
import postern.host.CommandCatalogue;
import postern.host.CommandKind;
import postern.host.CommandResult;
import postern.host.FileSnapshot;
import postern.host.ForwardingHost;
import postern.host.HostOverrides;
import postern.host.HostSetting;
import postern.host.ServerSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Caddy's admin API listens on the loopback of its own machine: a remote host reloads
 * with its own strategy, run there, and never through Postern's HTTP client.
 */
class RemoteCaddyReloadTests {

	private static PosternProperties properties(String reload, int adminPort) {
		return TestProperties.bind(Map.of("postern.caddy.reload", reload, "postern.caddy.admin-url",
				"http://127.0.0.1:" + adminPort, "postern.caddy.caddyfile", "/etc/caddy/Caddyfile"));
	}

	private static int closedPort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Test
	void theAdminApiStrategyIsRefusedForARemoteHostWithoutRunningAnything() throws Exception {
		PosternProperties properties = properties("admin-api", closedPort());
		AnsweringHost remote = new AnsweringHost("vps", HostOverrides.NONE, true);
		ReloadResult result = new CaddyReloader(properties, new CommandCatalogue(properties), null).reload(remote);
		assertThat(result.ok()).isFalse();
		assertThat(result.output()).contains("cannot reach the admin API of vps", "/hosts");
		assertThat(remote.ran).isEmpty();
	}

	@Test
	void aRemoteHostReloadsWithItsOwnStrategyAndCaddyfileAndIsJudgedByTheExitCode() throws Exception {
		PosternProperties properties = properties("admin-api", closedPort());
		AnsweringHost remote = new AnsweringHost("vps", new HostOverrides(Map.of(HostSetting.CADDY_RELOAD, "caddy-cli",
				HostSetting.CADDYFILE, "/srv/web/Caddyfile", HostSetting.CADDY_BINARY, "/usr/bin/caddy")), true);
		ReloadResult result = new CaddyReloader(properties, new CommandCatalogue(properties), null).reload(remote);
		assertThat(result.ok()).as(result.output()).isTrue();
		assertThat(remote.ran).hasSize(1);
		assertThat(remote.ran.get(0).kind()).isEqualTo(CommandKind.CADDY_RELOAD);
		assertThat(remote.ran.get(0).argv()).contains("/srv/web/Caddyfile").doesNotContain("/etc/caddy/Caddyfile");
		assertThat(result.output()).doesNotContain("GET ");
	}

	@Test
	void theLocalHostStillChecksTheAdminApiAfterCaddyReload() throws Exception {
		PosternProperties properties = properties("caddy-cli", closedPort());
		AnsweringHost local = new AnsweringHost("laptop", HostOverrides.NONE, false);
		ReloadResult result = new CaddyReloader(properties, new CommandCatalogue(properties), null).reload(local);
		assertThat(result.ok()).isFalse();
		assertThat(result.output()).contains("GET http://127.0.0.1:");
		assertThat(local.ran.get(0).argv()).contains("/etc/caddy/Caddyfile");
	}

	@Test
	void theAdminAddressOfTheHostsOwnCaddyfileGoesToCaddyReload() throws Exception {
		PosternProperties properties = properties("caddy-cli", closedPort());
		AnsweringHost remote = new AnsweringHost("vps", new HostOverrides(Map.of(HostSetting.CADDY_RELOAD, "caddy-cli",
				HostSetting.CADDYFILE, "/srv/web/Caddyfile", HostSetting.CADDY_BINARY, "/usr/bin/caddy")), true);
		remote.caddyfile = "{\n    admin localhost:2999\n}\n\na.example.org {\n    respond \"a\"\n}\n";
		ReloadResult result = new CaddyReloader(properties, new CommandCatalogue(properties), null).reload(remote);
		assertThat(result.ok()).as(result.output()).isTrue();
		assertThat(remote.ran.get(0).argv()).containsSubsequence("--address", "localhost:2999");
		remote.caddyfile = "{\n    admin off\n}\n";
		remote.ran.clear();
		ReloadResult off = new CaddyReloader(properties, new CommandCatalogue(properties), null).reload(remote);
		assertThat(off.ok()).isFalse();
		assertThat(off.output()).contains("admin off", "systemctl");
		assertThat(remote.ran).isEmpty();
	}

	/**
	 * A host that answers every command with success and records it.
	 */
	private static final class AnsweringHost extends ForwardingHost {

		private final String name;

		private final HostOverrides overrides;

		private final boolean remote;

		final List<Command> ran = new ArrayList<>();

		String caddyfile = "a.example.org {\n\trespond \"a\"\n}\n";

		AnsweringHost(String name, HostOverrides overrides, boolean remote) {
			super(null);
			this.name = name;
			this.overrides = overrides;
			this.remote = remote;
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public FileSnapshot read(Path path) {
			return FileSnapshot.of(path, this.caddyfile.getBytes(StandardCharsets.UTF_8), "root", "root", 0644);
		}

		@Override
		public CommandResult run(Command command) {
			this.ran.add(command);
			return new CommandResult(0, "", "", Duration.ZERO, false);
		}

		@Override
		public ServerSettings settings(ServerSettings application) {
			return this.remote ? this.overrides.applyTo(application) : application;
		}

	}

}
