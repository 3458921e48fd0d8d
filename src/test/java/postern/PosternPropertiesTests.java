package postern;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings in {@code application.yml} have the defaults of the reference server, and
 * wrong values are refused at start.
 */
class PosternPropertiesTests {

	private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

	@Test
	void defaultsFollowTheReferenceServer() {
		PosternProperties properties = bind(Map.of());
		assertThat(properties.dataDir().normalize()).isEqualTo(Path.of("data"));
		assertThat(properties.maddy().binary()).isEqualTo(Path.of("/usr/local/bin/maddy"));
		assertThat(properties.maddy().config()).isEqualTo(Path.of("/etc/maddy/maddy.conf"));
		assertThat(properties.maddy().aliases()).isEqualTo(Path.of("/etc/maddy/aliases"));
		assertThat(properties.maddy().stateDir()).isEqualTo(Path.of("/var/lib/maddy"));
		assertThat(properties.maddy().certDir()).isEqualTo(Path.of("/etc/maddy/certs"));
		assertThat(properties.maddy().commandPrefix()).containsExactly("sudo", "-n", "-u", "maddy");
		assertThat(properties.caddy().binary()).isEqualTo(Path.of("/usr/local/bin/caddy"));
		assertThat(properties.caddy().caddyfile()).isEqualTo(Path.of("/etc/caddy/Caddyfile"));
		assertThat(properties.caddy().webRoot()).isEqualTo(Path.of("/var/caddy/www"));
		assertThat(properties.caddy().dataDir()).isEqualTo(Path.of("/etc/caddy/.local/share/caddy"));
		assertThat(properties.caddy().reload()).isEqualTo(PosternProperties.CaddyReload.SYSTEMCTL);
		assertThat(properties.caddy().adminUrl()).isEqualTo(URI.create("http://localhost:2019"));
		assertThat(properties.units().caddy()).isEqualTo("caddy.service");
		assertThat(properties.units().maddy()).isEqualTo("maddy.service");
		assertThat(properties.systemctl().commandPrefix()).containsExactly("sudo", "-n");
		assertThat(properties.systemctl().timeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.backups().dir().normalize()).isEqualTo(Path.of("data/backups"));
		assertThat(properties.backups().keep()).isEqualTo(20);
		assertThat(properties.server().ipv4()).isNullOrEmpty();
		assertThat(properties.server().sshPort()).isEqualTo(22);
		assertThat(properties.dns().resolvers()).isEmpty();
		assertThat(properties.dns().timeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(properties.health().schedule()).isEqualTo(Duration.ofHours(6));
		assertThat(properties.health().ports()).isEqualTo(new PosternProperties.Ports(25, 587, 465, 993, 443));
		assertThat(properties.health().trustStore()).isNull();
		assertThat(properties.security().lockoutAttempts()).isEqualTo(5);
		assertThat(properties.security().lockoutDuration()).isEqualTo(Duration.ofMinutes(15));
		assertThat(properties.security().sessionTimeout()).isEqualTo(Duration.ofMinutes(30));
		assertThat(properties.security().requireTotp()).isFalse();
		assertThat(this.validator.validate(properties)).isEmpty();
	}

	@Test
	void commandLineListsAreCommaSeparatedAndEmptyMeansNoPrefix() {
		PosternProperties properties = bind(
				Map.of("postern.maddy.command-prefix", "", "postern.systemctl.command-prefix", "doas,-n"));
		assertThat(properties.maddy().commandPrefix()).isEmpty();
		assertThat(properties.systemctl().commandPrefix()).containsExactly("doas", "-n");
		assertThat(bind(Map.of("postern.caddy.reload", "admin-api")).caddy().reload())
			.isEqualTo(PosternProperties.CaddyReload.ADMIN_API);
	}

	@Test
	void wrongValuesAreRefused() {
		PosternProperties properties = bind(Map.of("postern.backups.keep", "0", "postern.server.ipv4", "not-an-ip",
				"postern.health.ports.smtp", "70000"));
		assertThat(this.validator.validate(properties))
			.extracting((violation) -> violation.getPropertyPath().toString())
			.containsExactlyInAnyOrder("backups.keep", "server.ipv4", "health.ports.smtp");
	}

	private static PosternProperties bind(Map<String, Object> overrides) {
		return TestProperties.bind(overrides);
	}

}
