package postern.host;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import postern.PosternProperties;
import postern.hosts.ManagedPathsCheck;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class HostConfigurationTests {

	@TempDir
	Path root;

	private PosternProperties properties() {
		PosternProperties.Maddy maddy = new PosternProperties.Maddy(this.root.resolve("maddy"),
				this.root.resolve("maddy.conf"), this.root.resolve("aliases"), this.root.resolve("state"),
				this.root.resolve("certs"), List.of());
		PosternProperties.Caddy caddy = new PosternProperties.Caddy(this.root.resolve("caddy"),
				this.root.resolve("Caddyfile"), this.root.resolve("www"), this.root.resolve("caddy-data"),
				PosternProperties.CaddyReload.SYSTEMCTL, URI.create("http://localhost:2019"));
		return new PosternProperties(this.root, maddy, caddy, null, null,
				new PosternProperties.Backups(this.root.resolve("backups"), 3), null, null, null, null);
	}

	@Test
	void contextWhenStartedHasLocalHostAsCurrentHost() {
		new ApplicationContextRunner().withBean(PosternProperties.class, this::properties)
			.withUserConfiguration(HostConfiguration.class, LocalOnly.class, ManagedPathsCheck.class)
			.run((context) -> {
				LocalHost local = context.getBean(LocalHost.class);
				assertThat(local.name()).isNotBlank().isEqualTo(HostConfiguration.localHostName());
				assertThat(context.getBean(Hosts.class).current()).isSameAs(local);
				assertThat(context.getBean(ManagedPathsCheck.class).results())
					.hasSize(ManagedPathsCheck.Thing.values().length);
			});
	}

	/**
	 * The hosts of a Postern without a database: the local machine only.
	 */
	@Configuration(proxyBeanMethods = false)
	static class LocalOnly {

		@Bean
		Hosts hosts(LocalHost local) {
			return () -> local;
		}

	}

}
