package postern;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages,
 * for the browser tests. Both paths are given explicitly, so Selenium never tries to
 * download a browser or a driver of its own.
 */
public final class Browser implements AutoCloseable {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private final WebDriver driver;

	private final String baseUrl;

	private Browser(WebDriver driver, String baseUrl) {
		this.driver = driver;
		this.baseUrl = baseUrl;
	}

	/**
	 * Start headless Chromium; skipped on a machine without it, failed under
	 * {@code CI=true}.
	 * @param port the port Postern listens on, on loopback
	 * @return the browser
	 */
	public static Browser open(int port) {
		Path chromium = SystemBinaries.require("chromium", Path.of("/usr/bin/chromium"));
		Path driver = SystemBinaries.require("chromium-driver", Path.of("/usr/bin/chromedriver"));
		System.setProperty("webdriver.chrome.driver", driver.toString());
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--window-size=1280,1000");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
			.usingAnyFreePort()
			.build();
		return new Browser(new ChromeDriver(service, options), "http://127.0.0.1:" + port);
	}

	public WebDriver driver() {
		return this.driver;
	}

	/**
	 * Open a page of Postern.
	 * @param path e.g. {@code /mailboxes}
	 */
	public void get(String path) {
		this.driver.get(this.baseUrl + path);
	}

	/**
	 * Log in through the login form and wait for the dashboard.
	 * @param username the admin's name
	 * @param password the admin's password
	 */
	public void logIn(String username, String password) {
		get("/login");
		type(By.name("username"), username);
		type(By.name("password"), password);
		this.driver.findElement(By.cssSelector("form button[type=submit]")).click();
		waitFor(By.cssSelector("nav.mainnav"));
	}

	/**
	 * Replace the text of a field.
	 * @param field the field
	 * @param text what to type
	 */
	public void type(By field, String text) {
		WebElement element = waitFor(field);
		element.clear();
		element.sendKeys(text);
	}

	/**
	 * Wait until an element is visible.
	 * @param locator the element
	 * @return the element
	 */
	public WebElement waitFor(By locator) {
		return new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	/**
	 * Wait until an element holds a text, e.g. once an htmx request has answered.
	 * @param locator the element
	 * @param text the text it must contain
	 */
	public void waitForText(By locator, String text) {
		new WebDriverWait(this.driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
	}

	/**
	 * The errors the pages wrote to the console since the last call: a script that
	 * failed, or something the Content-Security-Policy refused.
	 * @return the messages
	 */
	public List<String> consoleErrors() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
