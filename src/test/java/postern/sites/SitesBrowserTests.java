package postern.sites;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import postern.Browser;
import postern.PosternIntegrationTests;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In headless Chromium: log in, add a static site, look at the diff, apply it.
 */
class SitesBrowserTests extends PosternIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void addAStaticSitePreviewTheDiffAndApplyIt() throws Exception {
		CaddyValidate.caddy();
		String name = "browser" + System.nanoTime() + ".example.org";
		try (Browser browser = Browser.open(this.port)) {
			browser.logIn("admin", ADMIN_PASSWORD);
			browser.driver().findElement(By.linkText("Sites")).click();
			browser.waitFor(By.linkText("Add a site")).click();
			browser.type(By.name("addresses"), name);
			browser.type(By.name("root"), name);
			assertThat(browser.driver().findElement(By.name("upstreams")).isDisplayed()).isFalse();
			browser.driver().findElement(By.cssSelector("form.site-form button[type=submit]")).click();

			String diff = browser.waitFor(By.cssSelector("pre.diff")).getText();
			assertThat(browser.driver().getCurrentUrl()).contains("/changes/");
			assertThat(diff).contains("+" + name + " {").contains("root * ").contains("file_server");
			assertThat(browser.driver().findElement(By.cssSelector(".validation")).getText()).contains("valid");

			browser.driver().findElement(By.cssSelector("form[action$='/apply'] button")).click();
			browser.waitForText(By.cssSelector(".change-state"), "Applied");
			assertThat(java.nio.file.Files.readString(SERVER.resolve("etc/caddy/Caddyfile"))).contains(name + " {");
		}
	}

}
