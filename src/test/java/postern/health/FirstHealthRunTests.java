package postern.health;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import postern.PosternIntegrationTests;
import postern.host.HostEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh Postern (an empty database) over a DNS server on loopback that serves the
 * primary domain's zone: the checks run once by themselves shortly after start-up, with
 * nobody asking, and a host added once a run is stored starts none.
 */
class FirstHealthRunTests extends PosternIntegrationTests {

	static final ZoneDnsServer DNS = ZoneDnsServer.start(Duration.ZERO,
			HealthFixtures.zone("xoyize.xyz").replace(HealthFixtures.MX, "mx1.xoyize.xyz") + "mx1 A 127.0.0.1\n");

	@Autowired
	HealthRuns runs;

	@Autowired
	HealthRunRepository storedRuns;

	@Autowired
	HealthResults results;

	@Autowired
	ApplicationEventPublisher events;

	@DynamicPropertySource
	static void freshAndLoopbackOnly(DynamicPropertyRegistry registry) throws IOException {
		// a database of its own: the other tests' runs are not in it
		registry.add("postern.data-dir", Files.createTempDirectory("postern-first-run")::toString);
		registry.add("postern.health.first-run-delay", () -> "1s");
		registry.add("postern.dns.resolvers", DNS::address);
		registry.add("postern.server.ipv4", () -> "127.0.0.1");
		int closed = closedPort();
		for (String port : List.of("smtp", "submission", "smtps", "imaps", "https")) {
			registry.add("postern.health.ports." + port, () -> closed);
		}
	}

	@AfterAll
	static void stop() {
		DNS.close();
	}

	@Test
	void theFirstRunStartsByItselfAndTheNextWaitsForItsSchedule() throws InterruptedException {
		waitUntil(() -> this.storedRuns.count() > 0 && this.runs.running().isEmpty(), Duration.ofSeconds(90));
		assertThat(this.storedRuns.findAll()).singleElement().satisfies((run) -> {
			assertThat(run.getTrigger()).isEqualTo(HealthRuns.FIRST);
			assertThat(run.getScope()).isNull();
			assertThat(run.isFinished()).isTrue();
		});
		assertThat(this.results.latest()).anySatisfy((subject) -> {
			assertThat(subject.subject()).isEqualTo("xoyize.xyz");
			assertThat(subject.results()).anySatisfy((view) -> {
				assertThat(view.result().getCheck()).isEqualTo("mx");
				assertThat(view.result().getVerdict()).isEqualTo(Verdict.OK);
			});
		});

		this.events.publishEvent(new HostEvents.HostTrusted("second"));
		Thread.sleep(Duration.ofSeconds(3).toMillis());
		assertThat(this.storedRuns.count()).as("a run is stored: adding a host starts none").isEqualTo(1);
	}

	private static void waitUntil(BooleanSupplier condition, Duration limit) throws InterruptedException {
		long end = System.nanoTime() + limit.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited " + limit).isLessThan(end);
			Thread.sleep(50);
		}
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
