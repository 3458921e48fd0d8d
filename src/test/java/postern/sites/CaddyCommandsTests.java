package postern.sites;

import java.net.URI;

import org.junit.jupiter.api.Test;

import postern.host.Argument;
import postern.host.CommandKind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shapes of the caddy commands' arguments, and the admin endpoint kept on loopback.
 */
class CaddyCommandsTests {

	@Test
	void configFileIsAnAbsolutePathWithoutDotSegmentsOrOptions() {
		assertThat(Argument.CONFIG_FILE.accepts("/etc/caddy/Caddyfile")).isTrue();
		assertThat(Argument.CONFIG_FILE.accepts("/etc/caddy/.Caddyfile.postern-check-0a1b2c")).isTrue();
		assertThat(Argument.CONFIG_FILE.accepts("/tmp/postern-server-root123/etc/caddy/Caddyfile")).isTrue();
		for (String refused : new String[] { "Caddyfile", "-config", "/etc/caddy/../passwd", "/etc/./caddy",
				"/etc/caddy/", "/etc/ca ddy", "/etc/caddy/Caddyfile\n--adapter", "/etc/$(id)", "" }) {
			assertThat(Argument.CONFIG_FILE.accepts(refused)).as(refused).isFalse();
		}
	}

	@Test
	void adminAddressIsOnLoopback() {
		assertThat(Argument.ADMIN_ADDRESS.accepts("localhost:2019")).isTrue();
		assertThat(Argument.ADMIN_ADDRESS.accepts("127.0.0.1:2999")).isTrue();
		assertThat(Argument.ADMIN_ADDRESS.accepts("[::1]:2019")).isTrue();
		assertThat(Argument.ADMIN_ADDRESS.accepts("example.org:2019")).isFalse();
		assertThat(Argument.ADMIN_ADDRESS.accepts("0.0.0.0:2019")).isFalse();
		assertThat(CaddyReloader.isLoopback(URI.create("http://localhost:2019"))).isTrue();
		assertThat(CaddyReloader.isLoopback(URI.create("http://192.0.2.1:2019"))).isFalse();
		assertThat(CaddyReloader.isLoopback(URI.create("https://localhost:2019"))).isFalse();
	}

	@Test
	void everyCaddyCommandPassesTheCaddyfileAdapter() {
		assertThat(CommandKind.CADDY_VALIDATE.template()).containsExactly("validate", "--config", "{config_file}",
				"--adapter", "caddyfile");
		assertThat(CommandKind.CADDY_ADAPT.template()).contains("--adapter", "caddyfile");
		assertThat(CommandKind.CADDY_RELOAD.template()).containsExactly("reload", "--config", "{config_file}",
				"--adapter", "caddyfile", "--address", "{admin_address}");
	}

}
