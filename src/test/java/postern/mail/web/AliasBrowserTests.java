package postern.mail.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import postern.Browser;
import postern.PosternIntegrationTests;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin adds an alias through the form in a real browser: the diff is previewed,
 * applied, and the alias is listed; the file gained exactly that line.
 */
class AliasBrowserTests extends PosternIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void addAnAliasPreviewTheDiffApplyAndSeeItListed() throws Exception {
		String before = Files.readString(SERVER.resolve("etc/maddy/aliases"), StandardCharsets.UTF_8);
		String alias = "shop" + System.nanoTime() + "@ouestline.xyz";
		try (Browser browser = Browser.open(this.port)) {
			browser.logIn("admin", ADMIN_PASSWORD);
			browser.get("/aliases/new");
			browser.type(By.name("alias"), alias);
			browser.type(By.name("targets"), "yann@xoyize.xyz, marie@yanfi.net");
			browser.driver().findElement(By.cssSelector("form.form button[type=submit]")).click();

			browser.waitFor(By.cssSelector("pre.diff"));
			assertThat(browser.driver().findElement(By.cssSelector("pre.diff")).getText())
				.contains("+" + alias + ": yann@xoyize.xyz, marie@yanfi.net");
			browser.driver().findElement(By.cssSelector("form[action$='/apply'] button")).click();
			browser.waitFor(By.cssSelector(".state-applied"));

			browser.get("/aliases?q=" + alias);
			assertThat(browser.waitFor(By.cssSelector("main table")).getText()).contains(alias)
				.contains("yann@xoyize.xyz, marie@yanfi.net");
		}
		assertThat(Files.readString(SERVER.resolve("etc/maddy/aliases"), StandardCharsets.UTF_8))
			.isEqualTo(before + alias + ": yann@xoyize.xyz, marie@yanfi.net\n");
	}

}
