package postern.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import postern.PosternIntegrationTests;
import postern.audit.AuditEvent;
import postern.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Pageable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A parallel burst of wrong passwords for one account, each from another address that the
 * local proxy forwards, over real HTTP: the account's password is checked no more often
 * than the lockout allows.
 */
class LockoutBurstTests extends PosternIntegrationTests {

	private static final int BURST = 18;

	private static final int LOCKOUT_ATTEMPTS = 5;

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	AdminAccounts accounts;

	@Autowired
	AuditLog auditLog;

	@Test
	void aBurstFromManyAddressesGetsNoMoreChecksThanTheLockoutAllows() throws Exception {
		String name = "burst-" + System.nanoTime();
		this.accounts.create(name, "violet tractor lunar 84 spoon");
		List<Client> clients = new ArrayList<>();
		for (int i = 0; i < BURST; i++) {
			clients.add(new Client("203.0.113." + (i + 1)));
		}
		for (Client client : clients) {
			client.openLoginPage();
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(BURST);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (Client client : clients) {
				answers.add(pool.submit(() -> {
					start.await();
					return client.logIn(name, "wrong password from " + client.address);
				}));
			}
			start.countDown();
			for (Future<Integer> answer : answers) {
				assertThat(answer.get(120, TimeUnit.SECONDS)).isEqualTo(302);
			}
		}
		finally {
			pool.shutdownNow();
		}
		List<String> reasons = this.auditLog.find(name, Pageable.ofSize(100))
			.getContent()
			.stream()
			.filter((event) -> "login.failure".equals(event.getAction()))
			.map(AuditEvent::getDetail)
			.toList();
		assertThat(reasons).hasSize(BURST);
		assertThat(reasons).filteredOn("wrong-password"::equals).as("passwords checked").hasSize(LOCKOUT_ATTEMPTS);
		assertThat(reasons).filteredOn("locked"::equals).hasSize(BURST - LOCKOUT_ATTEMPTS);
		assertThat(this.accounts.find(name).orElseThrow().isLockedAt(this.accounts.now())).isTrue();
		assertThat(this.auditLog.find(name, Pageable.ofSize(100)).getContent())
			.filteredOn((event) -> "login.locked".equals(event.getAction()))
			.hasSize(1);
	}

	/**
	 * One browser behind the local proxy, with its own session and forwarded address.
	 */
	private final class Client {

		private final String address;

		private final HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();

		private String csrf;

		Client(String address) {
			this.address = address;
		}

		void openLoginPage() throws Exception {
			HttpResponse<String> page = this.http.send(request("/login").GET().build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher token = CSRF.matcher(page.body());
			assertThat(token.find()).as("CSRF field on the login page").isTrue();
			this.csrf = token.group(1);
		}

		int logIn(String name, String password) throws Exception {
			String form = "username=" + encode(name) + "&password=" + encode(password) + "&_csrf=" + encode(this.csrf);
			return this.http
				.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form))
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}

		private HttpRequest.Builder request(String path) {
			return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + LockoutBurstTests.this.port + path))
				.timeout(Duration.ofSeconds(120))
				.header("X-Forwarded-For", this.address);
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

}
