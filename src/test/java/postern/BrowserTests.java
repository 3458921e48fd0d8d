package postern;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser tests: the whole application on a random port (as
 * {@link PosternIntegrationTests}) driven by Debian's headless Chromium through
 * chromedriver. Both are found on the system, never downloaded: a test is skipped on a
 * machine without them and fails under {@code CI=true}.
 */
public abstract class BrowserTests extends PosternIntegrationTests {

	/** How long a page or an htmx swap may take to show what a test waits for. */
	protected static final Duration WAIT = Duration.ofSeconds(30);

	@LocalServerPort
	private int port;

	private WebDriver browser;

	@BeforeEach
	void startBrowser() {
		this.browser = chromium();
	}

	@AfterEach
	void quitBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	/**
	 * Start a headless Chromium. Selenium Manager is never asked for a driver or a
	 * browser: both paths are given.
	 * @return the browser; quit it after use
	 */
	public static WebDriver chromium() {
		Path binary = SystemBinaries.require("chromium", Path.of("/usr/bin/chromium"));
		Path driver = SystemBinaries.require("chromedriver", Path.of("/usr/bin/chromedriver"));
		System.setProperty("webdriver.chrome.driver", driver.toString());
		ChromeOptions options = new ChromeOptions();
		options.setBinary(binary.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-dev-shm-usage", "--window-size=1280,1024", "--lang=en");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(driver.toString()))
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	protected WebDriver browser() {
		return this.browser;
	}

	/**
	 * The address of a page of the application under test.
	 * @param path e.g. {@code /services}
	 * @return the absolute URL
	 */
	protected String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	/**
	 * Open a page.
	 * @param path e.g. {@code /services}
	 */
	protected void open(String path) {
		this.browser.get(url(path));
	}

	/**
	 * Log in as the first admin through the login form, and wait for the dashboard.
	 */
	protected void logIn() {
		open("/login");
		this.browser.findElement(By.id("username")).sendKeys("admin");
		this.browser.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
		this.browser.findElement(By.cssSelector("form button[type=submit]")).click();
		new WebDriverWait(this.browser, WAIT).until(ExpectedConditions.urlToBe(url("/")));
	}

	/**
	 * Wait until an element is on the page and visible.
	 * @param locator how to find it
	 * @return the element
	 */
	protected WebElement waitFor(By locator) {
		return new WebDriverWait(this.browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	/**
	 * Wait until an element shows a text.
	 * @param locator how to find it
	 * @param text part of its text
	 * @return the element
	 */
	protected WebElement waitForText(By locator, String text) {
		new WebDriverWait(this.browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
		return this.browser.findElement(locator);
	}

}
