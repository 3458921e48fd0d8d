package postern.reports;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import postern.Browser;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin sets the reports mailbox (a real dovecot on loopback) in headless Chromium,
 * fetches, and reads a domain's page with its chart.
 */
class ReportsBrowserTests extends DovecotIntegrationTests {

	@LocalServerPort
	int port;

	@BeforeAll
	static void deliverReports() throws Exception {
		dovecot.deliver("INBOX", ReportMails.mailbox(LocalDate.now(ZoneOffset.UTC).minusDays(1)));
	}

	@Test
	void setTheMailboxFetchAndSeeADomainsChart() {
		try (Browser browser = Browser.open(this.port)) {
			browser.logIn("admin", ADMIN_PASSWORD);
			browser.get("/reports/settings");
			browser.type(By.id("host"), "127.0.0.1");
			browser.type(By.id("port"), Integer.toString(dovecot.port()));
			browser.type(By.id("username"), TestDovecot.USER);
			browser.type(By.id("password"), TestDovecot.PASSWORD);
			browser.type(By.id("folder"), "INBOX");
			browser.type(By.id("serverName"), TestDovecot.SERVER_NAME);
			browser.driver().findElement(By.id("save-settings")).click();
			browser.waitForText(By.cssSelector(".flash"), "saved");
			assertThat(browser.driver().findElement(By.id("password")).getAttribute("value")).isEmpty();

			browser.get("/reports");
			browser.driver().findElement(By.id("fetch-now")).click();
			browser.waitForText(By.cssSelector(".flash"), "4 new report(s), 1 already stored, 3 unreadable");
			assertThat(browser.driver().findElement(By.id("unreadable")).getText())
				.contains("document type or entities");
			browser.driver().findElement(By.linkText("example.org")).click();

			WebElement chart = browser.waitFor(By.cssSelector("#chart svg"));
			assertThat(chart.findElements(By.cssSelector("rect.pass"))).hasSize(30);
			assertThat(chart.findElements(By.cssSelector("rect.fail"))).hasSize(30);
			assertThat(browser.driver().findElement(By.id("sources")).getText()).contains("Unknown sender")
				.contains("198.51.100.7")
				.contains("This server");
			assertThat(browser.driver().findElement(By.id("tls")).getText()).contains("certificate-expired");
			assertThat(browser.consoleErrors()).isEmpty();
		}
	}

}
