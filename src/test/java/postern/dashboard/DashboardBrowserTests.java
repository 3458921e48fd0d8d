package postern.dashboard;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import postern.BrowserTests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-click reload, in a real browser: log in, press Reload on the dashboard, read
 * what happened without leaving the page.
 */
class DashboardBrowserTests extends BrowserTests {

	@Test
	void reloadOnTheDashboardShowsTheResultInPlace() {
		logIn();
		WebElement button = waitFor(By.id("reload-button-maddy"));
		assertThat(browser().findElement(By.id("dashboard-unit-maddy")).getText()).contains("active (running)");

		button.click();

		WebElement result = waitForText(By.id("reload-maddy"), "Exit code 0.");
		assertThat(result.getText()).contains("done", "Reload of maddy.service", "systemctl reload maddy.service");
		assertThat(browser().getCurrentUrl()).isEqualTo(url("/"));
		waitForText(By.id("certificates"), "Expires first:");
	}

}
