package postern.health;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import postern.Browser;
import postern.PosternIntegrationTests;
import postern.host.HostEvents;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh Postern (an empty database) over a DNS server on loopback that serves the
 * primary domain's zone: the checks run once by themselves shortly after start-up, with
 * nobody asking, and a host added once a run is stored starts none. Their results open on
 * a grid, in headless Chromium.
 */
class FirstHealthRunTests extends PosternIntegrationTests {

	static final ZoneDnsServer DNS = ZoneDnsServer.start(Duration.ZERO,
			HealthFixtures.zone("xoyize.xyz").replace(HealthFixtures.MX, "mx1.xoyize.xyz") + "mx1 A 127.0.0.1\n");

	@LocalServerPort
	int port;

	@Autowired
	HealthRuns runs;

	@Autowired
	HealthRunRepository storedRuns;

	@Autowired
	HealthResults results;

	@Autowired
	HealthResultRepository storedResults;

	@Autowired
	ApplicationEventPublisher events;

	@DynamicPropertySource
	static void freshAndLoopbackOnly(DynamicPropertyRegistry registry) {
		// a database of its own: the other tests' runs are not in it
		registry.add("spring.datasource.url", () -> "jdbc:h2:mem:first-health-run;DB_CLOSE_DELAY=-1");
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
		waitForTheFirstRun();
		assertThat(this.storedRuns.findAll())
			.as(() -> this.storedRuns.findAll()
				.stream()
				.map((run) -> run.getTrigger() + " " + run.getStartedAt() + " " + run.getScope())
				.toList()
				.toString())
			.singleElement()
			.satisfies((run) -> {
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

	@Test
	void healthOpensOnAGridWhoseCellsLeadToEachSubject() throws InterruptedException {
		waitForTheFirstRun();
		try (Browser browser = Browser.open(this.port)) {
			browser.logIn("admin", ADMIN_PASSWORD);
			browser.get("/health");
			WebElement grid = browser.waitFor(By.cssSelector("table.health-grid"));
			assertThat(browser.driver().findElements(By.tagName("details"))).isEmpty();
			assertThat(grid.findElements(By.cssSelector("tbody tr")))
				.extracting((row) -> row.getAttribute("data-subject"))
				.startsWith("xoyize.xyz", "cinay.eu", "yanfi.net", "ouestline.xyz", "rnmkcy.eu", "mx1.xoyize.xyz");
			WebElement mx = grid.findElement(By.cssSelector("tr[data-subject='xoyize.xyz'] td[data-check='mx']"));
			assertThat(mx.getText()).isEqualTo("OK");
			assertThat(mx.getAttribute("class")).contains("cell-ok");
			// the colours come from the style sheet (the CSP allows no inline style)
			assertThat(mx.getCssValue("background-color")).isEqualTo("rgba(218, 251, 225, 1)");
			WebElement refused = grid.findElement(By.cssSelector("tr[data-subject='cinay.eu'] td[data-check='mx']"));
			assertThat(refused.getCssValue("background-color")).isNotEqualTo(mx.getCssValue("background-color"));
			long height = (Long) ((JavascriptExecutor) browser.driver())
				.executeScript("return Math.ceil(document.body.getBoundingClientRect().height)");
			assertThat(height).as("the page's height in pixels").isLessThan(1500);
			assertThat(browser.consoleErrors()).isEmpty();

			mx.findElement(By.tagName("a")).click();
			browser.waitFor(By.cssSelector("table.health-results"));
			assertThat(browser.driver().getCurrentUrl()).endsWith("/health/xoyize.xyz");
			assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains("Recent runs")
				.contains("Mail goes to mx1.xoyize.xyz.");

			browser.get("/");
			WebElement card = browser.waitFor(By.cssSelector("#health table.health-grid.small"));
			assertThat(card.findElement(By.cssSelector("tr[data-subject='xoyize.xyz'] td[data-check='mx']")).getText())
				.isEqualTo("OK");
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

	@Test
	void theSummaryChangesOnceAResultOrAMuteIsStored() throws InterruptedException {
		waitForTheFirstRun();
		HealthSummary before = this.results.latestSummary().orElseThrow();
		assertThat(this.results.latestSummary()).contains(before);

		long lastRun = this.storedRuns.findFirstByOrderByIdDesc().orElseThrow().getId();
		this.storedResults.save(new HealthResult(lastRun,
				new CheckResult("ouestline.xyz", "caa", Verdict.ERROR, "health.caa.missing", List.of(), null, ""),
				java.time.Instant.now()));

		HealthSummary stored = this.results.latestSummary().orElseThrow();
		assertThat(stored.errors()).isEqualTo(before.errors() + 1);
		assertThat(this.results.grid().rows()).filteredOn((row) -> row.subject().equals("ouestline.xyz"))
			.singleElement()
			.satisfies((row) -> assertThat(row.worst()).isEqualTo(Verdict.ERROR));

		this.results.mute("ouestline.xyz", "caa", "a CA of our own", java.time.LocalDate.now().plusDays(1));

		java.util.List<HealthResults.ResultView> caa = this.results.latestOf("ouestline.xyz")
			.stream()
			.filter((view) -> view.result().getCheck().equals("caa"))
			.toList();
		assertThat(caa).isNotEmpty().allMatch(HealthResults.ResultView::muted);
		assertThat(this.results.latestSummary().orElseThrow().muted()).isEqualTo(stored.muted() + caa.size());
	}

	private void waitForTheFirstRun() throws InterruptedException {
		waitUntil(() -> this.storedRuns.count() > 0 && this.runs.running().isEmpty(), Duration.ofSeconds(90));
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
