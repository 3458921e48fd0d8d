package postern.hosts;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import postern.PosternProperties;
import postern.TestProperties;
import postern.host.CommandCatalogue;
import postern.host.Host;
import postern.host.HostChoice;
import postern.host.HostEvents;
import postern.host.LocalHost;
import postern.host.SshHost;
import postern.host.TestSshServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The connections {@link ManagedHosts} keeps: a change to a host drops its connection
 * only once the change is committed, so a request running meanwhile cannot keep one made
 * from the old row; and neither the host a session selected nor the hosts of the switcher
 * are read from the database again on every call. The transactions here are real ones:
 * the tests do not run inside one.
 */
@DataJpaTest(properties = "spring.jpa.properties.hibernate.generate_statistics=true", showSql = false)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import(ManagedHostsTests.Beans.class)
@RecordApplicationEvents
class ManagedHostsTests {

	@Autowired
	ManagedHosts hosts;

	@Autowired
	LocalHost local;

	@Autowired
	RemoteHostRepository repository;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	ApplicationEvents events;

	@TempDir
	Path folder;

	private final MockHttpSession session = new MockHttpSession();

	private final ExecutorService otherRequests = Executors.newSingleThreadExecutor();

	private String id;

	@BeforeEach
	void selectATrustedHost() {
		RequestContextHolder.setRequestAttributes(request());
		RemoteHost host = new RemoteHost(parameters("vps", "admin"), "SHA256:offered", Instant.now());
		host.confirm();
		this.id = this.repository.save(host).getKey();
		assertThat(this.hosts.select(this.id)).isTrue();
	}

	@AfterEach
	void removeTheHosts() throws InterruptedException {
		this.hosts.remotes().forEach((host) -> this.hosts.remove(host.getKey()));
		RequestContextHolder.resetRequestAttributes();
		this.otherRequests.shutdownNow();
		this.otherRequests.awaitTermination(10, TimeUnit.SECONDS);
	}

	@Test
	void aNameAnotherHostHasIsRefusedNextToTheName() {
		assertThat(this.hosts.problems("VPS", true, null)).containsExactly(Map.entry("name", "hosts.error.name.taken"));
		assertThat(this.hosts.problems("laptop", true, this.id))
			.containsExactly(Map.entry("name", "hosts.error.name.taken"));
		assertThat(this.hosts.problems("vps", true, this.id)).isEmpty();
		assertThat(this.hosts.problems("mx2", false, null)).isEmpty();
	}

	@Test
	void removedHostIsNotUsedOnceTheRemovalCommits() throws Exception {
		Host before = this.hosts.current();
		assertThat(before).isInstanceOf(SshHost.class);

		Host during = inOneTransaction(() -> this.hosts.remove(this.id));

		assertThat(during).isInstanceOf(SshHost.class);
		assertThat(this.hosts.current()).isSameAs(this.local);
		assertThat(this.hosts.choices()).singleElement().satisfies((choice) -> assertThat(choice.selected()).isTrue());
	}

	@Test
	void changedHostIsConnectedAgainWithItsNewRowOnceTheChangeCommits() throws Exception {
		Host before = this.hosts.current();

		Host during = inOneTransaction(() -> this.hosts.update(this.id, parameters("vps", "root"), null));

		Host after = this.hosts.current();
		assertThat(after).isInstanceOf(SshHost.class).isNotSameAs(before).isNotSameAs(during);
		assertThat(this.hosts.current()).isSameAs(after);
	}

	@Test
	void hostMovedToAnotherServerIsNotUsedOnceTheChangeCommits() throws Exception {
		try (TestSshServer other = TestSshServer.start(this.folder)) {
			this.hosts.current();
			HostParameters moved = new HostParameters("vps", "127.0.0.1", other.port(), "admin", other.userKeyFile(),
					null);

			inOneTransaction(() -> this.hosts.update(this.id, moved, null));

			assertThat(this.hosts.find(this.id).getOfferedFingerprint()).isEqualTo(other.fingerprint());
			assertThat(this.hosts.current()).isSameAs(this.local);
			assertThat(other.logins()).isZero();
		}
	}

	@Test
	void confirmingTheOfferedKeyTellsThatTheHostCanBeUsed() {
		RemoteHost added = new RemoteHost(parameters("backup", "admin"), "SHA256:backup", Instant.now());
		String key = this.repository.save(added).getKey();
		assertThat(this.hosts.trust(key, "SHA256:another")).isFalse();
		assertThat(this.events.stream(HostEvents.HostTrusted.class)).isEmpty();
		assertThat(this.hosts.trust(key, "SHA256:backup")).isTrue();
		assertThat(this.events.stream(HostEvents.HostTrusted.class)).extracting(HostEvents.HostTrusted::host)
			.containsExactly("backup");
	}

	@Test
	void selectedHostIsReadFromTheDatabaseOnceForManyCalls() {
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		statistics.clear();

		Host first = this.hosts.current();
		for (int i = 0; i < 50; i++) {
			assertThat(this.hosts.current()).isSameAs(first);
		}

		assertThat(first.name()).isEqualTo("vps");
		assertThat(statistics.getPrepareStatementCount()).isEqualTo(1);
		statistics.clear();
		assertThat(this.hosts.choices()).filteredOn(HostChoice::selected)
			.singleElement()
			.satisfies((choice) -> assertThat(choice.id()).isEqualTo(this.id));
		assertThat(statistics.getPrepareStatementCount()).isEqualTo(1);
	}

	@Test
	void hostsOfTheSwitcherAreReadFromTheDatabaseOnceForManyPages() {
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
		this.hosts.choices();
		statistics.clear();

		for (int i = 0; i < 50; i++) {
			assertThat(this.hosts.choices()).extracting(HostChoice::name).containsExactly("laptop", "vps");
		}

		assertThat(statistics.getPrepareStatementCount()).isZero();
	}

	@Test
	void switcherOffersAnAddedHostAtOnceAndItsTrustAndRemovalToo() throws Exception {
		try (TestSshServer other = TestSshServer.start(this.folder)) {
			assertThat(this.hosts.choices()).extracting(HostChoice::name).containsExactly("laptop", "vps");

			RemoteHost added = this.hosts
				.add(new HostParameters("mx2", "127.0.0.1", other.port(), "admin", other.userKeyFile(), null), null);

			assertThat(this.hosts.choices()).extracting(HostChoice::name, HostChoice::trusted)
				.containsExactly(tuple("laptop", true), tuple("mx2", false), tuple("vps", true));
			this.hosts.trust(added.getKey(), other.fingerprint());
			assertThat(this.hosts.choices()).filteredOn((choice) -> choice.name().equals("mx2"))
				.singleElement()
				.satisfies((choice) -> assertThat(choice.trusted()).isTrue());
			this.hosts.remove(added.getKey());
			assertThat(this.hosts.choices()).extracting(HostChoice::name).containsExactly("laptop", "vps");
		}
	}

	@Test
	void switcherOffersAHostWrittenWithoutManagedHostsAtOnce() {
		assertThat(this.hosts.choices()).extracting(HostChoice::name).containsExactly("laptop", "vps");

		this.repository.save(new RemoteHost(parameters("backup", "admin"), "SHA256:backup", Instant.now()));

		assertThat(this.hosts.choices()).extracting(HostChoice::name).containsExactly("laptop", "backup", "vps");
	}

	@Test
	void hostsReadForTheSwitcherBeforeARemovalCommitsAreReadAgainAfterIt() {
		this.hosts.choices();

		List<HostChoice> during = new TransactionTemplate(this.transactions).execute((status) -> {
			this.hosts.remove(this.id);
			return inAnotherRequest(this.hosts::choices);
		});

		assertThat(during).extracting(HostChoice::name).containsExactly("laptop", "vps");
		assertThat(this.hosts.choices()).extracting(HostChoice::name).containsExactly("laptop");
	}

	/**
	 * Run a change in a transaction and, before it commits, let another request of the
	 * same session ask for its host.
	 * @return the host the other request got
	 */
	private Host inOneTransaction(Runnable change) {
		return new TransactionTemplate(this.transactions).execute((status) -> {
			change.run();
			return inAnotherRequest(this.hosts::current);
		});
	}

	/**
	 * Ask something of the hosts from another request of the same session, on another
	 * thread, and wait for the answer.
	 */
	private <T> T inAnotherRequest(Callable<T> question) {
		try {
			return this.otherRequests.submit(() -> {
				RequestContextHolder.setRequestAttributes(request());
				try {
					return question.call();
				}
				finally {
					RequestContextHolder.resetRequestAttributes();
				}
			}).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ServletRequestAttributes request() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setSession(this.session);
		return new ServletRequestAttributes(request);
	}

	private HostParameters parameters(String name, String user) {
		return new HostParameters(name, "127.0.0.1", 1, user, this.folder.resolve("id_ed25519"), null);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Beans {

		@Bean
		PosternProperties posternProperties() {
			return TestProperties.bind(Map.of());
		}

		@Bean
		LocalHost localHost(PosternProperties properties, ApplicationEventPublisher events) {
			return new LocalHost("laptop", properties.backups(), events, Clock.systemUTC());
		}

		@Bean
		RemoteHostChanges remoteHostChanges() {
			return new RemoteHostChanges();
		}

		@Bean
		ManagedHosts managedHosts(LocalHost local, RemoteHostRepository repository, PosternProperties properties,
				ApplicationEventPublisher events, RemoteHostChanges changes) {
			return new ManagedHosts(local, repository, new CommandCatalogue(properties), properties, events, changes,
					Optional.empty());
		}

	}

}
