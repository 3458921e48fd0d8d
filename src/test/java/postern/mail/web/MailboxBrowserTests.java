package postern.mail.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import postern.Browser;
import postern.PosternIntegrationTests;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

class MailboxBrowserTests extends PosternIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void addAMailboxThroughTheFormAndSeeItListed() {
		String localPart = "browser" + System.nanoTime();
		String address = localPart + "@cinay.eu";
		try (Browser browser = Browser.open(this.port)) {
			browser.logIn("admin", ADMIN_PASSWORD);
			browser.driver().findElement(By.linkText("Mailboxes")).click();
			browser.waitFor(By.linkText("New mailbox")).click();

			browser.type(By.name("localPart"), localPart);
			new Select(browser.waitFor(By.name("domain"))).selectByValue("cinay.eu");
			browser.driver().findElement(By.name("generate")).click();
			String generated = browser.waitFor(By.id("generated")).getText();
			assertThat(generated).hasSizeGreaterThanOrEqualTo(10);
			assertThat(browser.waitFor(By.name("localPart")).getDomProperty("value")).isEqualTo(localPart);
			browser.type(By.name("password"), "typed in a browser 42");
			browser.type(By.name("passwordConfirm"), "typed in a browser 42");
			browser.driver().findElement(By.cssSelector("button.primary")).click();

			browser.waitForText(By.cssSelector(".outcome"), address + " is ready");
			assertThat(browser.driver().findElement(By.cssSelector("ol.runs")).getText())
				.contains("creds create " + address, "imap-acct create " + address)
				.doesNotContain("typed in a browser 42");

			browser.get("/mailboxes?domain=cinay.eu&q=" + localPart);
			assertThat(browser.waitFor(By.cssSelector("table.mailboxes")).getText()).contains(address, "ready");
			assertThat(browser.driver().findElement(By.cssSelector(".list-age")).getText()).startsWith("List read");

			// the refresh button reads the list again and comes back to the same search
			WebElement refresh = browser.driver().findElement(By.cssSelector(".list-freshness button"));
			refresh.click();
			new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(refresh));
			browser.waitFor(By.cssSelector("table.mailboxes"));
			assertThat(browser.driver().getCurrentUrl()).endsWith("/mailboxes?domain=cinay.eu&q=" + localPart);
			assertThat(browser.driver().findElement(By.cssSelector("table.mailboxes")).getText()).contains(address);
		}
	}

}
