package postern.mail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import postern.MovableClock;
import postern.PosternProperties;
import postern.TestProperties;
import postern.TestServerRoot;
import postern.host.CommandCatalogue;
import postern.host.CommandKind;
import postern.host.Host;
import postern.host.HostEvents;
import postern.host.LocalHost;
import postern.host.ServerSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * maddy's unit environment is asked of a host once, with the real systemctl stand-in
 * behind a real local host: kept while it cannot have changed, asked again once
 * {@link MaddyEnvironment#KEPT_FOR} has passed, or at once after Postern restarted or
 * reloaded a unit on that host; each host keeps its own.
 */
class MaddyEnvironmentTests {

	private static final String CONF = "$(primary_domain) = {env:MADDY_DOMAIN}\n";

	@TempDir
	Path folder;

	private TestServerRoot server;

	private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T12:00:00Z"));

	private final AtomicInteger asked = new AtomicInteger();

	private MaddyEnvironment environment;

	private PosternProperties properties;

	private CommandCatalogue catalogue;

	@BeforeEach
	void serverRoot() throws Exception {
		this.server = TestServerRoot.createIn(this.folder);
		this.properties = TestProperties.bind(this.server.properties());
		this.catalogue = new CommandCatalogue(this.properties);
		this.environment = new MaddyEnvironment(this.catalogue, Optional.of(this.clock));
		setDomain("one.example");
	}

	@Test
	void theUnitIsAskedOnceWhileItCannotHaveChanged() throws Exception {
		Host host = host("local");
		assertThat(domain(host)).isEqualTo("one.example");
		setDomain("two.example");
		this.clock.advance(MaddyEnvironment.KEPT_FOR.minusSeconds(1));
		assertThat(domain(host)).isEqualTo("one.example");
		assertThat(this.asked).hasValue(1);

		this.clock.advance(Duration.ofSeconds(1));
		assertThat(domain(host)).isEqualTo("two.example");
		assertThat(this.asked).hasValue(2);
	}

	@Test
	void aRestartOrReloadByPosternOnTheHostForgetsItAtOnce() throws Exception {
		Host host = host("local");
		Host other = host("other");
		assertThat(domain(host)).isEqualTo("one.example");
		assertThat(domain(other)).isEqualTo("one.example");
		assertThat(this.asked).hasValue(2);
		setDomain("two.example");

		host.run(this.catalogue.command(CommandKind.SYSTEMCTL_RESTART, "maddy.service"));

		assertThat(domain(host)).isEqualTo("two.example");
		assertThat(domain(other)).as("another host keeps its own").isEqualTo("one.example");
		assertThat(this.asked).hasValue(3);
		setDomain("three.example");
		other.run(this.catalogue.command(CommandKind.SYSTEMCTL_RELOAD, "maddy.service"));
		assertThat(domain(other)).isEqualTo("three.example");
	}

	@Test
	void nothingIsAskedWithoutPlaceholdersAndTheSettingWinsOverTheUnit() {
		Host host = host("local");
		ServerSettings settings = ServerSettings.of(this.properties);
		assertThat(this.environment.of(host, settings, "$(primary_domain) = example.org\n")).isEmpty();
		assertThat(this.asked).hasValue(0);

		PosternProperties withSetting = TestProperties
			.bind(Map.of("postern.maddy.environment", "MADDY_DOMAIN=set.example", "postern.systemctl.command-prefix",
					this.server.properties().get("postern.systemctl.command-prefix")));
		assertThat(this.environment.of(host, ServerSettings.of(withSetting), CONF)).containsEntry("MADDY_DOMAIN",
				"set.example");
	}

	private String domain(Host host) {
		return this.environment.of(host, ServerSettings.of(this.properties), CONF).get("MADDY_DOMAIN");
	}

	private void setDomain(String domain) throws Exception {
		Path unit = this.server.resolve("state/systemd/maddy.service");
		String kept = Files.readString(unit).replaceAll("(?m)^Environment=.*\n", "");
		Files.writeString(unit, kept + "Environment=MADDY_DOMAIN=" + domain + "\n");
	}

	private Host host(String name) {
		return new LocalHost(name, this.properties.backups(), (event) -> {
			if (event instanceof HostEvents.CommandRan ran) {
				if (ran.kind() == CommandKind.SYSTEMCTL_SHOW_ENVIRONMENT) {
					this.asked.incrementAndGet();
				}
				this.environment.commandRan(ran);
			}
		}, this.clock);
	}

}
