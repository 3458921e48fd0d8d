package postern.change;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import postern.SystemBinaries;
import postern.TestServerRoot;
import postern.mail.Aliases;
import postern.mail.AliasesFile;
import postern.mail.MaddyConf;
import postern.mail.MailFileException;
import postern.mail.Mailboxes;
import postern.sites.Caddyfile;
import postern.sites.SiteInput;
import postern.sites.SiteService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fifty clients at once adding aliases, mailboxes and sites through the same services the
 * pages use, on a server root of their own with the maddy stand-in and the real
 * {@code caddy validate}: no deadlock, every change that was applied is in its file at
 * the end, and every file still parses (Caddy validates the final Caddyfile). A change
 * that lost a race is refused ({@code CONFLICT}) or rolled back and tried again by its
 * client, as an admin would.
 * <p>
 * As a test it runs for a few seconds; {@link Benchmark} runs the full size (60 s) with
 * {@code -Dbenchmark=true} and prints the figures kept in {@code docs/benchmarks.md}.
 */
@SpringBootTest
class ChangeStressTests {

	static final int CLIENTS = 50;

	static final AtomicInteger RUNS = new AtomicInteger();

	static final Path FOLDER = folder();

	static final TestServerRoot SERVER = TestServerRoot.createIn(FOLDER);

	@Autowired
	Aliases aliases;

	@Autowired
	Mailboxes mailboxes;

	@Autowired
	SiteService sites;

	@Autowired
	ChangeService changes;

	@DynamicPropertySource
	static void serverRoot(DynamicPropertyRegistry registry) {
		SERVER.properties().forEach((key, value) -> registry.add(key, () -> value));
		registry.add("POSTERN_ADMIN_PASSWORD", () -> "stress test password 42");
	}

	@Test
	void fiftyClientsForAFewSecondsLoseNoChange() throws Exception {
		Result result = run(Duration.ofSeconds(4));
		System.out.println("ChangeStressTests: " + result);
		assertThat(result.applied()).as(result.toString()).isPositive();
	}

	/**
	 * Run the clients for a while, then check the files.
	 * @param duration how long the clients start new changes
	 * @return the counts
	 */
	Result run(Duration duration) throws Exception {
		SystemBinaries.require("caddy", Path.of(SERVER.properties().get("postern.caddy.binary").toString()));
		Queue<String> aliasesMade = new ConcurrentLinkedQueue<>();
		Queue<String> mailboxesMade = new ConcurrentLinkedQueue<>();
		Queue<String> sitesMade = new ConcurrentLinkedQueue<>();
		Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
		Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
		// The test and the benchmark share the server root: each run names its own
		String run = "r" + RUNS.incrementAndGet();
		long deadline = System.nanoTime() + duration.toNanos();
		long started = System.nanoTime();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		for (int client = 0; client < CLIENTS; client++) {
			int id = client;
			clients.execute(() -> {
				int n = 0;
				while (System.nanoTime() < deadline) {
					String name = run + "c" + id + "n" + (n++);
					try {
						switch (ThreadLocalRandom.current().nextInt(3)) {
							case 0 -> alias(name, aliasesMade, outcomes);
							case 1 -> mailbox(name, mailboxesMade, outcomes);
							default -> site(name, sitesMade, outcomes);
						}
					}
					catch (RuntimeException | Error ex) {
						errors.add(ex);
					}
				}
			});
		}
		clients.shutdown();
		// A client's last change may start just before the deadline; a minute more is
		// far beyond any change, so a pool still busy then is stuck
		if (!clients.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
			throw new AssertionError("The clients did not finish: a deadlock?\n" + threadDump());
		}
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		assertThat(errors).as("no client failed unexpectedly").isEmpty();
		assertEveryAcceptedChangeIsThere(aliasesMade, mailboxesMade, sitesMade);
		int applied = aliasesMade.size() + mailboxesMade.size() + sitesMade.size();
		return new Result(took, applied, aliasesMade.size(), mailboxesMade.size(), sitesMade.size(),
				outcomes.entrySet()
					.stream()
					.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().get())));
	}

	private void alias(String name, Queue<String> made, Map<String, AtomicInteger> outcomes) {
		String address = name + "@xoyize.xyz";
		for (int attempt = 0; attempt < 5; attempt++) {
			Change change;
			try {
				change = this.aliases.previewAdd(address, List.of("yann@xoyize.xyz"));
			}
			catch (MailFileException ex) {
				count(outcomes, "alias refused: " + ex.messageKey());
				return;
			}
			ApplyOutcome outcome = this.changes.apply(change.getId());
			count(outcomes, "alias " + outcome);
			if (outcome == ApplyOutcome.APPLIED) {
				made.add(address);
				return;
			}
		}
	}

	private void mailbox(String name, Queue<String> made, Map<String, AtomicInteger> outcomes) {
		String address = name + "@cinay.eu";
		boolean created = this.mailboxes.create(address, "a long stress passphrase", false).success();
		count(outcomes, "mailbox " + (created ? "CREATED" : "FAILED"));
		if (created) {
			made.add(address);
		}
	}

	private void site(String name, Queue<String> made, Map<String, AtomicInteger> outcomes) {
		String address = name + ".stress.example.org";
		SiteInput input = new SiteInput("proxy", address, null, false, false, "127.0.0.1:8080", null, null, null, null,
				null, null, false);
		for (int attempt = 0; attempt < 5; attempt++) {
			Change change = this.sites.previewNew(input);
			ApplyOutcome outcome = this.changes.apply(change.getId());
			count(outcomes, "site " + outcome);
			if (outcome == ApplyOutcome.APPLIED) {
				made.add(address);
				return;
			}
		}
	}

	private static void count(Map<String, AtomicInteger> outcomes, String what) {
		outcomes.computeIfAbsent(what, (key) -> new AtomicInteger()).incrementAndGet();
	}

	private static void assertEveryAcceptedChangeIsThere(Queue<String> aliases, Queue<String> mailboxes,
			Queue<String> sites) throws Exception {
		AliasesFile aliasesFile = AliasesFile.parse(read("etc/maddy/aliases"));
		assertThat(aliasesFile.problems()).as("the aliases file reads cleanly").isEmpty();
		for (String alias : aliases) {
			assertThat(aliasesFile.find(alias)).as(alias).isPresent();
		}
		List<String> credentials = Files.readAllLines(SERVER.resolve("state/maddy/credentials"))
			.stream()
			.map((line) -> line.split("\t")[0])
			.toList();
		assertThat(credentials).containsAll(mailboxes);
		List<String> accounts = Files.readAllLines(SERVER.resolve("state/maddy/imap-accounts"));
		assertThat(accounts).containsAll(mailboxes);
		Caddyfile caddyfile = Caddyfile.parse(Files.readAllBytes(SERVER.resolve("etc/caddy/Caddyfile")));
		for (String site : sites) {
			assertThat(caddyfile.block(site)).as(site).isPresent();
		}
		MaddyConf.parse(read("etc/maddy/maddy.conf"));
		Process validate = new ProcessBuilder(SERVER.properties().get("postern.caddy.binary").toString(), "validate",
				"--config", SERVER.resolve("etc/caddy/Caddyfile").toString(), "--adapter", "caddyfile")
			.redirectErrorStream(true)
			.start();
		String said = new String(validate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(validate.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(validate.exitValue()).as(said).isZero();
	}

	private static String read(String relative) throws IOException {
		return Files.readString(SERVER.resolve(relative));
	}

	private static String threadDump() {
		return Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(true, true))
			.map(ThreadInfo::toString)
			.collect(Collectors.joining());
	}

	private static Path folder() {
		try {
			return Files.createTempDirectory("postern-stress");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What a run did.
	 *
	 * @param took from the first change to the last client's end
	 * @param applied changes applied (aliases, mailboxes and sites)
	 * @param aliases aliases added
	 * @param mailboxes mailboxes created
	 * @param sites sites added
	 * @param outcomes how often each outcome happened, retries included
	 */
	record Result(Duration took, int applied, int aliases, int mailboxes, int sites, Map<String, Integer> outcomes) {

		@Override
		public String toString() {
			return String.format(
					"%d clients, %.1f s: %d changes applied (%d aliases, %d mailboxes, %d sites), %.1f a"
							+ " second; outcomes %s",
					CLIENTS, this.took.toMillis() / 1000.0, this.applied, this.aliases, this.mailboxes, this.sites,
					this.applied * 1000.0 / this.took.toMillis(), this.outcomes);
		}

	}

	/**
	 * The full size: fifty clients for sixty seconds. Run it with
	 * {@code ./mvnw test -Dtest='ChangeStressTests*' -Dbenchmark=true}.
	 */
	@Tag("benchmark")
	@EnabledIfSystemProperty(named = "benchmark", matches = "true",
			disabledReason = "a benchmark: run it with -Dtest='ChangeStressTests*' -Dbenchmark=true")
	@org.junit.jupiter.api.Nested
	class Benchmark {

		@Test
		void fiftyClientsForSixtySeconds() throws Exception {
			Result result = run(Duration.ofSeconds(60));
			System.out.println("ChangeStressTests benchmark: " + result);
			assertThat(result.applied()).isPositive();
		}

	}

}
