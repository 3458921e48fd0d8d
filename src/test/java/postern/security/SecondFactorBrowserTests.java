package postern.security;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import postern.Browser;
import postern.PosternIntegrationTests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin turns on the second factor from the account page in a real browser, then logs
 * in again with password and code, with codes computed from the secret the page shows.
 */
class SecondFactorBrowserTests extends PosternIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	AdminAccounts accounts;

	@Test
	void enrolOnTheAccountPageThenLogInWithTheCode() {
		String name = "browser-" + System.nanoTime() % 100_000;
		this.accounts.create(name, LoginProtectionTests.PASSWORD);
		try (Browser browser = Browser.open(this.port)) {
			browser.logIn(name, LoginProtectionTests.PASSWORD);
			browser.driver().findElement(By.cssSelector("a.user")).click();
			browser.waitFor(By.cssSelector("section#totp a.button")).click();
			assertThat(browser.waitFor(By.cssSelector("img.qr")).getAttribute("src"))
				.startsWith("data:image/png;base64,");
			String secret = browser.driver().findElement(By.id("totp-secret")).getText().strip();
			browser.type(By.name("code"), AuthenticatorApp.codeNow(secret));
			browser.driver().findElement(By.cssSelector("form button[type=submit].primary")).click();
			assertThat(browser.waitFor(By.id("recovery-codes")).findElements(By.tagName("li"))).hasSize(10);

			browser.driver().findElement(By.cssSelector("form.logout button")).click();
			browser.waitFor(By.name("username"));
			browser.type(By.name("username"), name);
			browser.type(By.name("password"), LoginProtectionTests.PASSWORD);
			browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();
			browser.waitFor(By.name("code"));
			assertThat(browser.driver().getCurrentUrl()).endsWith("/login/code");
			long step = Math.floorDiv(System.currentTimeMillis() / 1000, Totp.PERIOD_SECONDS);
			browser.type(By.name("code"), AuthenticatorApp.code(secret, step + 1));
			browser.driver().findElement(By.cssSelector("form button[type=submit].primary")).click();
			browser.waitFor(By.cssSelector("nav.mainnav"));
			assertThat(browser.driver().getCurrentUrl()).endsWith("/");
		}
	}

}
