package postern.dashboard;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import postern.Browser;
import postern.PosternIntegrationTests;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-click reload, in headless Chromium: log in, press Reload on the dashboard, read
 * what happened without leaving the page.
 */
class DashboardBrowserTests extends PosternIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void reloadOnTheDashboardShowsTheResultInPlace() {
		try (Browser browser = Browser.open(this.port)) {
			browser.logIn("admin", ADMIN_PASSWORD);
			browser.waitFor(By.id("reload-button-maddy"));
			assertThat(browser.driver().findElement(By.id("dashboard-unit-maddy")).getText())
				.contains("active (running)");

			browser.driver().findElement(By.id("reload-button-maddy")).click();

			browser.waitForText(By.id("reload-maddy"), "Exit code 0.");
			assertThat(browser.driver().findElement(By.id("reload-maddy")).getText()).contains("done",
					"Reload of maddy.service", "systemctl reload maddy.service");
			assertThat(browser.driver().getCurrentUrl()).endsWith(":" + this.port + "/");
			browser.waitForText(By.id("certificates"), "Expires first:");
		}
	}

}
