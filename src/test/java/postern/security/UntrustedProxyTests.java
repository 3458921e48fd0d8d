package postern.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import postern.PosternIntegrationTests;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With loopback not among the trusted proxies, a client on loopback that claims HTTPS in
 * {@code X-Forwarded-Proto} is not believed: no HSTS, no {@code Secure} cookie. Its own
 * context (and in-memory database), since the setting is read when the server starts.
 */
@TestPropertySource(properties = { "postern.security.trusted-proxies=192.0.2.7",
		"spring.datasource.url=jdbc:h2:mem:untrusted-proxy;DB_CLOSE_DELAY=-1" })
class UntrustedProxyTests extends PosternIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void forwardedHeadersFromAnUntrustedClientAreIgnored() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/login"))
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-For", "198.51.100.9")
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(response.headers().allValues("Set-Cookie")).filteredOn((cookie) -> cookie.startsWith("XSRF-TOKEN="))
			.singleElement()
			.asString()
			.doesNotContainIgnoringCase("secure");
	}

}
