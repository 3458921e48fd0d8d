package postern.health;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import postern.Browser;
import postern.PosternIntegrationTests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application against a DNS server on loopback that serves the primary domain's
 * zone (the other domains are refused, so they could not be checked), with every TLS port
 * closed: an admin runs the checks in a browser and sees the results appear one by one
 * through the run's event stream; results are stored, muting takes a check out of the
 * summary, and a problem that lasts two runs is posted to the alert webhook.
 */
class HealthBrowserTests extends PosternIntegrationTests {

	static final ZoneDnsServer DNS = ZoneDnsServer.start(Duration.ZERO,
			HealthFixtures.zone("xoyize.xyz").replace(HealthFixtures.MX, "mx1.xoyize.xyz") + "mx1 A 127.0.0.1\n");

	static final List<String> ALERTS = new CopyOnWriteArrayList<>();

	static final HttpServer WEBHOOK = webhook();

	@LocalServerPort
	int port;

	@Autowired
	HealthRuns runs;

	@Autowired
	HealthResults results;

	@DynamicPropertySource
	static void loopbackOnly(DynamicPropertyRegistry registry) {
		int closed = closedPort();
		registry.add("postern.dns.resolvers", DNS::address);
		// longer than the browser test holds answers back, even on a slow machine: a
		// query
		// that timed out would be asked again, and its check could end before it is
		// released
		registry.add("postern.dns.timeout", () -> "40s");
		registry.add("postern.server.ipv4", () -> "127.0.0.1");
		for (String port : List.of("smtp", "submission", "smtps", "imaps", "https")) {
			registry.add("postern.health.ports." + port, () -> closed);
		}
		registry.add("postern.health.alert-webhook",
				() -> "http://127.0.0.1:" + WEBHOOK.getAddress().getPort() + "/alerts");
	}

	@AfterAll
	static void stop() {
		DNS.close();
		WEBHOOK.stop(0);
	}

	@Test
	void runTheChecksAndSeeResultsAppear() {
		String dmarc = "_dmarc.xoyize.xyz";
		String dkim = "default._domainkey.xoyize.xyz";
		String tlsRpt = "_smtp._tls.xoyize.xyz";
		DNS.hold(dmarc);
		DNS.hold(dkim);
		DNS.hold(tlsRpt);
		try (Browser browser = Browser.open(this.port)) {
			browser.logIn("admin", ADMIN_PASSWORD);
			browser.get("/health");
			browser.driver().findElement(By.id("run-now")).click();
			browser.waitFor(By.cssSelector("#progress.running"));
			long runId = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*/health/runs/", ""));
			waitUntil(() -> this.runs.followers(runId) > 0);
			// a page that reloaded would lose this mark
			((JavascriptExecutor) browser.driver()).executeScript("document.body.setAttribute('data-mark', 'kept')");
			By dmarcBadge = By
				.cssSelector("#progress.running [data-subject='xoyize.xyz'] tr[data-check='dmarc'] .badge");
			assertThat(browser.driver().findElements(dmarcBadge)).isEmpty();

			DNS.release(dmarc);
			assertThat(browser.waitFor(dmarcBadge).getText()).isEqualTo("OK");
			// the stream's first event (everything so far) has come: what follows comes
			// as
			// it is stored
			String before = browser.driver().findElement(By.id("progress-line")).getText();
			DNS.release(dkim);
			browser
				.waitFor(By.cssSelector("#progress.running [data-subject='xoyize.xyz'] tr[data-check='dkim'] .badge"));
			assertThat(browser.driver().findElement(By.id("progress-line")).getText()).contains("checks done")
				.isNotEqualTo(before);
			assertThat(browser.driver().findElements(By.cssSelector("#progress.running"))).hasSize(1);

			DNS.release(tlsRpt);
			browser.waitFor(By.cssSelector("#progress.finished"));
			String page = browser.driver().findElement(By.id("progress")).getText();
			assertThat(page).contains("xoyize.xyz").contains("Mail goes to mx1.xoyize.xyz.").contains("cinay.eu");
			assertThat(browser.driver()
				.findElement(By.cssSelector("[data-subject='xoyize.xyz'] tr[data-check='tlsrpt'] .badge"))
				.getText()).isEqualTo("OK");
			assertThat(browser.driver().findElement(By.tagName("body")).getAttribute("data-mark")).isEqualTo("kept");

			browser.get("/health/xoyize.xyz");
			assertThat(browser.waitFor(By.id("health-zone")).getText()).contains("_mta-sts.xoyize.xyz.")
				.contains("mx1.xoyize.xyz.")
				.contains("IN A 127.0.0.1");
		}
		finally {
			DNS.release(dmarc);
			DNS.release(dkim);
			DNS.release(tlsRpt);
		}
	}

	private static void waitUntil(java.util.function.BooleanSupplier condition) {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 20 s").isLessThan(end);
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	@Test
	void resultsAreStoredMutedChecksLeaveTheSummaryAndLastingProblemsAreAlerted() throws Exception {
		this.runs.start(null, "manual").done().get(60, TimeUnit.SECONDS);
		this.runs.start("cinay.eu", "manual").done().get(60, TimeUnit.SECONDS);
		assertThat(this.results.latestOf("cinay.eu")).extracting((view) -> view.result().getVerdict())
			.contains(Verdict.UNKNOWN)
			.doesNotContain(Verdict.OK);
		assertThat(this.results.latestOf("xoyize.xyz")).isNotEmpty();

		HealthSummary before = this.results.latestSummary().orElseThrow();
		this.results.mute("xoyize.xyz", "tlsrpt", "reports not wanted", LocalDate.now().plusDays(7));
		this.results.mute("mx1.xoyize.xyz", "tls-smtp", "port closed in this test", LocalDate.now().plusDays(7));
		HealthSummary after = this.results.latestSummary().orElseThrow();
		assertThat(after.muted()).isEqualTo(before.muted() + 2);

		assertThat(ALERTS).isNotEmpty();
		assertThat(String.join("\n", ALERTS)).contains("cinay.eu: maddy has not written a DKIM key");
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static HttpServer webhook() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
			server.createContext("/alerts", (exchange) -> {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				ALERTS.add(exchange.getRequestHeaders().getFirst("Title") + "\n" + body);
				exchange.sendResponseHeaders(200, -1);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
