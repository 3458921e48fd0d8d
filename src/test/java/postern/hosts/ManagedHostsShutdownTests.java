package postern.hosts;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import postern.PosternProperties;
import postern.TestProperties;
import postern.host.CommandCatalogue;
import postern.host.CommandKind;
import postern.host.CommandResult;
import postern.host.LocalHost;
import postern.host.TestSshServer;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * When the application stops, the SSH connections it keeps open are closed: the server
 * sees its sessions end.
 */
class ManagedHostsShutdownTests {

	@TempDir
	Path keys;

	@AfterEach
	void leaveTheRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void openConnectionsAreClosedWhenTheApplicationStops() throws Exception {
		PosternProperties properties = TestProperties.bind(Map.of());
		try (TestSshServer server = TestSshServer.start(this.keys)) {
			RemoteHost remote = new RemoteHost(new HostParameters("vps", "127.0.0.1", server.port(),
					System.getProperty("user.name"), server.userKeyFile(), null), server.fingerprint(), Instant.now());
			remote.confirm();
			ReflectionTestUtils.setField(remote, "id", 7L);
			RemoteHostRepository repository = mock(RemoteHostRepository.class);
			given(repository.findById(7L)).willReturn(Optional.of(remote));
			MockHttpServletRequest request = new MockHttpServletRequest();
			request.setSession(new MockHttpSession());
			RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));

			new ApplicationContextRunner().withBean(PosternProperties.class, () -> properties)
				.withBean(RemoteHostRepository.class, () -> repository)
				.withBean(CommandCatalogue.class, () -> new CommandCatalogue(properties))
				.withBean(LocalHost.class, () -> new LocalHost("laptop", properties.backups(), (event) -> {
				}, Clock.systemUTC()))
				.withBean(RemoteHostChanges.class)
				.withBean(ManagedHosts.class)
				.run((context) -> {
					ManagedHosts hosts = context.getBean(ManagedHosts.class);
					assertThat(hosts.select("7")).isTrue();
					CommandResult uname = hosts.current()
						.run(new CommandCatalogue(properties).command(CommandKind.UNAME));
					assertThat(uname.exitCode()).isZero();
					assertThat(server.sessions()).isEqualTo(1);
				});

			assertThat(waitForNoSession(server)).as("sessions left open after the application stopped").isZero();
		}
	}

	private static int waitForNoSession(TestSshServer server) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (server.sessions() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		return server.sessions();
	}

}
