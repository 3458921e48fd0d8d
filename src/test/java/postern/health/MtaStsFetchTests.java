package postern.health;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fetching an MTA-STS policy from a loopback HTTPS server: the response ends where its
 * Content-Length says, not when the server closes.
 */
class MtaStsFetchTests {

	static final String HOST = "mta-sts.one.test";

	static final TestCertificates CERTIFICATES = new TestCertificates();

	@TempDir
	Path folder;

	@Test
	void fetchEndsWithTheBodyWhenTheServerKeepsTheConnectionOpen() throws Exception {
		TlsProbe probe = new TlsProbe(TlsTrust.withExtra(CERTIFICATES.writeCa(this.folder.resolve("ca.pem"))),
				Duration.ofSeconds(5), Duration.ofSeconds(5));
		try (TlsTestServer server = TlsTestServer.httpsKeepingOpen(CERTIFICATES.valid(HOST),
				Map.of(HOST, HealthFixtures.POLICY))) {
			long start = System.nanoTime();
			MtaStsFetch.Fetched fetched = new MtaStsFetch(probe).fetch(HOST, InetAddress.getByName("127.0.0.1"),
					server.port());
			Duration took = Duration.ofNanos(System.nanoTime() - start);

			assertThat(fetched.status()).as(fetched.tls().toString()).isEqualTo(200);
			assertThat(fetched.body()).isEqualTo(HealthFixtures.POLICY);
			// waiting for the close would have lasted until the 5 s read timeout
			assertThat(took).isLessThan(Duration.ofSeconds(4));
		}
	}

	@Test
	void responseIsCompleteOnceItsBodyHasTheContentLength() {
		String head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\n";

		assertThat(MtaStsFetch.complete(bytes("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n"))).isFalse();
		assertThat(MtaStsFetch.complete(bytes(head + "abc"))).isFalse();
		assertThat(MtaStsFetch.complete(bytes(head + "abcde"))).isTrue();
		assertThat(MtaStsFetch.complete(bytes("HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n"))).isTrue();
	}

	@Test
	void responseWithoutContentLengthIsReadUntilTheServerCloses() {
		assertThat(MtaStsFetch.complete(bytes("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nversion: STSv1\r\n")))
			.isFalse();
		assertThat(MtaStsFetch.complete(bytes(
				"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n3\r\nabc\r\n0\r\n\r\n")))
			.isFalse();
		assertThat(MtaStsFetch.complete(bytes("HTTP/1.1 200 OK\r\nContent-Length: many\r\n\r\nabc"))).isFalse();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

}
