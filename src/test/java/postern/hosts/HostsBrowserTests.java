package postern.hosts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import postern.Browser;
import postern.PosternIntegrationTests;
import postern.TestServerRoot;
import postern.host.Hosts;
import postern.host.TestSshServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A remote server managed from the browser: added through the form, its host key
 * confirmed on the trust page (a wrong fingerprint refused), its connection tested,
 * selected in the header, acted on by the mailboxes page, edited and removed. The server
 * is the embedded SSH server on loopback; its stand-ins keep a state of their own, so the
 * mailboxes page shows a mailbox only that server has.
 */
class HostsBrowserTests extends PosternIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ManagedHosts hosts;

	@TempDir
	Path folder;

	private TestSshServer server;

	private final String name = "browser-vps-" + System.nanoTime();

	private final String remoteMailbox = "only-remote" + System.nanoTime() + "@xoyize.xyz";

	@BeforeEach
	void startTheRemoteServer() throws Exception {
		Path state = this.folder.resolve("remote-state");
		TestServerRoot.copyTree(Path.of("src/test/server-root/state"), state);
		Files.writeString(state.resolve("maddy/credentials"), this.remoteMailbox + "\tstandin-sha256:00\n");
		Files.writeString(state.resolve("maddy/imap-accounts"), this.remoteMailbox + "\n");
		this.server = TestSshServer.start(this.folder, Map.of("STANDIN_STATE", state.toString()));
	}

	/**
	 * The other tests share this application: leave no remote host behind.
	 */
	@AfterEach
	void stopTheRemoteServer() throws Exception {
		this.hosts.remotes()
			.stream()
			.filter((host) -> host.getName().startsWith(this.name))
			.forEach((host) -> this.hosts.remove(host.getKey()));
		this.server.close();
	}

	@Test
	void addTrustTestSelectEditAndRemoveARemoteServer() {
		try (Browser browser = Browser.open(this.port)) {
			browser.logIn("admin", ADMIN_PASSWORD);
			// the console is read: what a page writes there is seen
			((JavascriptExecutor) browser.driver()).executeScript("console.error('console probe')");
			assertThat(browser.consoleErrors()).anySatisfy((error) -> assertThat(error).contains("console probe"));
			browser.driver().findElement(By.linkText("Hosts")).click();
			browser.waitFor(By.linkText("Add a server")).click();

			browser.type(By.name("name"), this.name);
			browser.type(By.name("address"), "127.0.0.1");
			browser.type(By.name("port"), String.valueOf(this.server.port()));
			browser.type(By.name("user"), System.getProperty("user.name"));
			browser.type(By.name("keyFile"), this.server.userKeyFile().toString());
			browser.driver().findElement(By.cssSelector("main button.primary")).click();

			// the key offered, and nothing logged in to yet
			assertThat(browser.waitFor(By.cssSelector("code.fingerprint")).getText())
				.isEqualTo(this.server.fingerprint());
			assertEveryMessageFound(browser);
			String id = browser.driver().getCurrentUrl().replaceAll(".*/hosts/([0-9]+)/trust$", "$1");
			assertThat(id).matches("[0-9]+");

			// a fingerprint other than the one offered confirms nothing
			((JavascriptExecutor) browser.driver())
				.executeScript("document.querySelector('input[name=fingerprint]').value = 'SHA256:notTheServersKey'");
			browser.driver().findElement(By.cssSelector("main button.primary")).click();
			browser.waitForText(By.cssSelector(".flash.flash-error"), "was not confirmed");
			assertThat(browser.driver().getCurrentUrl()).endsWith("/hosts/" + id + "/trust");
			assertThat(this.server.logins()).isZero();

			browser.driver().findElement(By.cssSelector("main button.primary")).click();
			browser.waitForText(By.cssSelector(".flash.flash-success"), "is confirmed");
			assertThat(row(browser, id).getText()).contains(this.server.fingerprint());

			// test the connection
			row(browser, id).findElement(By.cssSelector("form[action$='/test'] button")).click();
			browser.waitForText(By.cssSelector("main .flash-success"), "Postern logged in.");
			assertThat(browser.driver().findElement(By.cssSelector("main pre")).getText())
				.contains(System.getProperty("os.name"));
			assertThat(browser.driver().findElements(By.cssSelector("main dd")).get(0).getText()).isEqualTo("found");
			assertThat(browser.driver().findElement(By.cssSelector("main dl")).getText()).contains("Caddy");
			assertEveryMessageFound(browser);

			// select it in the header: the mailboxes page lists that server's mailboxes
			new Select(browser.waitFor(By.id("host-switcher"))).selectByValue(id);
			WebElement switchButton = browser.driver().findElement(By.cssSelector("form.host-switcher button"));
			switchButton.click();
			new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
				.until(ExpectedConditions.stalenessOf(switchButton));
			assertThat(selectedHost(browser)).isEqualTo(this.name);
			browser.get("/mailboxes");
			String mailboxes = browser.waitFor(By.cssSelector("table.mailboxes")).getText();
			assertThat(mailboxes).contains(this.remoteMailbox).doesNotContain("alice@xoyize.xyz");

			// edit it: same server, so its key stays confirmed and it stays selected
			browser.get("/hosts");
			assertEveryMessageFound(browser);
			row(browser, id).findElement(By.linkText("Edit")).click();
			browser.waitFor(By.name("name"));
			assertEveryMessageFound(browser);
			browser.type(By.name("name"), this.name + "-renamed");
			browser.driver().findElement(By.cssSelector("main button.primary")).click();
			browser.waitForText(By.cssSelector(".flash.flash-success"), this.name + "-renamed was updated.");
			assertThat(selectedHost(browser)).isEqualTo(this.name + "-renamed");

			// remove it: the header is back on this machine
			row(browser, id).findElement(By.cssSelector("form[action$='/delete'] button")).click();
			new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent())
				.accept();
			browser.waitForText(By.cssSelector(".flash.flash-success"), "was removed");
			assertThat(browser.driver().findElements(By.cssSelector("tr[data-host='" + id + "']"))).isEmpty();
			assertThat(selectedHost(browser)).isEqualTo(this.hosts.localName());
			browser.get("/mailboxes");
			assertThat(browser.waitFor(By.cssSelector("main")).getText()).doesNotContain(this.remoteMailbox);
			assertEveryMessageFound(browser);
		}
	}

	/**
	 * Thymeleaf shows a message key it cannot find as {@code ??key_locale??}; the console
	 * shows what a script or the Content-Security-Policy refused.
	 */
	private static void assertEveryMessageFound(Browser browser) {
		assertThat(browser.driver().getPageSource()).doesNotContain("??");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	private static WebElement row(Browser browser, String id) {
		return browser.waitFor(By.cssSelector("tr[data-host='" + id + "']"));
	}

	/**
	 * The host the header says the pages act on: the switcher's choice when there are
	 * several hosts, else the name shown.
	 */
	private static String selectedHost(Browser browser) {
		List<WebElement> switchers = browser.driver().findElements(By.id("host-switcher"));
		if (switchers.isEmpty()) {
			return browser.waitFor(By.cssSelector("header .host")).getText();
		}
		return new Select(switchers.get(0)).getFirstSelectedOption().getText();
	}

}
