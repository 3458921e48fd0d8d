package postern.security;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import postern.Browser;
import postern.PosternIntegrationTests;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

class LoginBrowserTests extends PosternIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void logInWithTheFirstAdminShowsTheDashboard() {
		try (Browser browser = Browser.open(this.port)) {
			browser.logIn("admin", ADMIN_PASSWORD);
			assertThat(browser.driver().getCurrentUrl()).endsWith("/");
			assertThat(browser.driver().findElement(By.cssSelector("nav.mainnav")).getText()).contains("Audit");
		}
	}

	@Test
	void logInWithAWrongPasswordStaysOnTheLoginPage() {
		try (Browser browser = Browser.open(this.port)) {
			browser.get("/login");
			browser.type(By.name("username"), "admin");
			browser.type(By.name("password"), "not the password");
			browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();
			browser.waitFor(By.cssSelector("[role=alert]"));
			assertThat(browser.driver().getCurrentUrl()).contains("/login");
		}
	}

}
