package postern.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import postern.PosternIntegrationTests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's body limit over real HTTP: a body over {@code postern.api.max-body-size} (1
 * MB by default) is refused with 413 and the limit in the message, from its declared
 * length before a byte of it is sent, or, chunked, while it is still being sent; a body
 * of exactly the limit is taken, declared or chunked.
 */
class ApiBodyLimitTests extends PosternIntegrationTests {

	private static final int LIMIT = 1024 * 1024;

	private static final String ALIAS_JSON = "{\"alias\":\"limite@rnmkcy.eu\",\"targets\":\"yann@xoyize.xyz\"}";

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	private String token;

	private String aliasesBefore;

	@BeforeEach
	void writeToken() throws IOException {
		this.token = this.tokens.create("admin", "limit-" + System.nanoTime(), ApiScope.WRITE).secret();
		this.aliasesBefore = Files.readString(SERVER.resolve("etc/maddy/aliases"));
	}

	@AfterEach
	void restoreAliases() throws IOException {
		Files.writeString(SERVER.resolve("etc/maddy/aliases"), this.aliasesBefore);
	}

	@Test
	void aDeclaredBodyOverTheLimitIsRefusedBeforeItIsSent() throws Exception {
		try (Socket socket = connect()) {
			OutputStream out = socket.getOutputStream();
			out.write(headers("Content-Length: " + 120L * 1024 * 1024));
			out.write("{\"alias\":\"".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			// not one more byte: the answer must come all the same
			Answer answer = Answer.read(socket.getInputStream());
			assertThat(answer.status()).isEqualTo(413);
			assertThat(answer.body()).contains("\"error\":\"too-large\"")
				.contains("limit of 1 MB")
				.contains("postern.api.max-body-size");
		}
		assertThat(Files.readString(SERVER.resolve("etc/maddy/aliases"))).isEqualTo(this.aliasesBefore);
	}

	@Test
	void aChunkedBodyOverTheLimitIsRefusedWhileItIsStillBeingSent() throws Exception {
		long total = 256L * 1024 * 1024;
		try (Socket socket = connect()) {
			OutputStream out = socket.getOutputStream();
			out.write(headers("Transfer-Encoding: chunked"));
			AtomicLong sent = new AtomicLong();
			CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> sendChunked(out, total, sent));

			Answer answer = Answer.read(socket.getInputStream());
			long sentWhenAnswered = sent.get();

			assertThat(answer.status()).isEqualTo(413);
			assertThat(answer.body()).contains("\"error\":\"too-large\"").contains("limit of 1 MB");
			assertThat(sentWhenAnswered).as("bytes sent when the answer came").isLessThan(total);
			// the server stops reading: the rest of the body meets a closed connection
			assertThat(sender).failsWithin(60, TimeUnit.SECONDS);
			assertThat(sent.get()).isLessThan(total);
		}
	}

	@Test
	void aBodyOfExactlyTheLimitIsTakenDeclaredOrChunked() throws Exception {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		byte[] body = padded(ALIAS_JSON, LIMIT);

		HttpResponse<String> declared = client.send(post(HttpRequest.BodyPublishers.ofByteArray(body)),
				HttpResponse.BodyHandlers.ofString());
		assertThat(declared.statusCode()).as(declared.body()).isEqualTo(201);
		assertThat(Files.readString(SERVER.resolve("etc/maddy/aliases"))).contains("limite@rnmkcy.eu: yann@xoyize.xyz");

		// no length given: read to its end through the count, then judged by the form's
		// rules (the alias exists now)
		HttpResponse<String> chunked = client.send(
				post(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))),
				HttpResponse.BodyHandlers.ofString());
		assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(400);
		assertThat(chunked.body()).contains("\"alias\"");
	}

	private HttpRequest post(HttpRequest.BodyPublisher body) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/aliases"))
			.header("Authorization", "Bearer " + this.token)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(60))
			.POST(body)
			.build();
	}

	/**
	 * JSON of exactly {@code size} bytes: the object, then spaces, which JSON ignores.
	 */
	private static byte[] padded(String json, int size) {
		byte[] body = new byte[size];
		Arrays.fill(body, (byte) ' ');
		byte[] text = json.getBytes(StandardCharsets.UTF_8);
		System.arraycopy(text, 0, body, 0, text.length);
		return body;
	}

	private Socket connect() throws IOException {
		Socket socket = new Socket("127.0.0.1", this.port);
		socket.setSoTimeout(60_000);
		return socket;
	}

	private byte[] headers(String length) {
		return ("POST /api/v1/aliases HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\nAuthorization: Bearer "
				+ this.token + "\r\nContent-Type: application/json\r\n" + length + "\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	/** Sends a JSON string of {@code total} bytes in chunks, counting what went out. */
	private static void sendChunked(OutputStream out, long total, AtomicLong sent) {
		byte[] data = new byte[64 * 1024];
		Arrays.fill(data, (byte) 'a');
		byte[] head = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] tail = "\r\n".getBytes(StandardCharsets.US_ASCII);
		try {
			byte[] start = "{\"alias\":\"".getBytes(StandardCharsets.US_ASCII);
			out.write((Integer.toHexString(start.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(start);
			out.write(tail);
			while (sent.get() < total) {
				out.write(head);
				out.write(data);
				out.write(tail);
				sent.addAndGet(data.length);
			}
			out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
		}
		catch (IOException ex) {
			throw new IllegalStateException("the server closed the connection", ex);
		}
	}

	/** An HTTP/1.1 answer read from the socket: its status and its body. */
	private record Answer(int status, String body) {

		static Answer read(InputStream in) throws IOException {
			String head = readHead(in);
			int status = Integer.parseInt(head.substring(9, 12));
			int length = -1;
			boolean chunked = false;
			for (String line : head.split("\r\n")) {
				String lower = line.toLowerCase();
				if (lower.startsWith("content-length:")) {
					length = Integer.parseInt(line.substring("content-length:".length()).strip());
				}
				chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
			}
			if (chunked) {
				return new Answer(status, readChunks(in));
			}
			// without a length, the body ends when the server closes the connection
			byte[] body = (length >= 0) ? in.readNBytes(length) : in.readAllBytes();
			return new Answer(status, new String(body, StandardCharsets.UTF_8));
		}

		private static String readHead(InputStream in) throws IOException {
			ByteArrayOutputStream head = new ByteArrayOutputStream();
			while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
				int next = in.read();
				if (next == -1) {
					throw new IOException("closed before the end of the head: " + head);
				}
				head.write(next);
			}
			return head.toString(StandardCharsets.US_ASCII);
		}

		private static String readChunks(InputStream in) throws IOException {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			while (true) {
				int size = Integer.parseInt(readLine(in).strip(), 16);
				if (size == 0) {
					return body.toString(StandardCharsets.UTF_8);
				}
				body.write(in.readNBytes(size));
				readLine(in);
			}
		}

		private static String readLine(InputStream in) throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			for (int next = in.read(); next != '\n'; next = in.read()) {
				if (next == -1) {
					throw new IOException("closed in a chunk");
				}
				line.write(next);
			}
			return line.toString(StandardCharsets.US_ASCII);
		}

	}

}
