package postern;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forms over real HTTP, where Tomcat's own limits apply: an import file over the upload
 * limit sends the admin back to the page, which gives the reason next to the field; a
 * file within it is read as before; any other form over Tomcat's limit of a form gets a
 * page that says so, never Tomcat's bare error page.
 */
class PostLimitTests extends PosternIntegrationTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final String BOUNDARY = "postern-boundary-1";

	@LocalServerPort
	int port;

	private final HttpClient client = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	@BeforeEach
	void logIn() throws Exception {
		String token = csrf(get("/login"));
		String form = "username=admin&password=" + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(token, StandardCharsets.UTF_8);
		HttpResponse<String> login = this.client
			.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).doesNotContain("error"));
	}

	@Test
	void aFileOverTheUploadLimitGetsThePageWithTheReason() throws Exception {
		String token = csrf(get("/import"));
		byte[] file = ("type,address,password,targets\n" + "mailbox,big@cinay.eu,,\n".repeat(100_000))
			.getBytes(StandardCharsets.UTF_8);
		assertThat(file.length).isGreaterThan(1024 * 1024);

		HttpResponse<String> response = this.client
			.send(request("/import").header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
				.POST(HttpRequest.BodyPublishers.ofByteArray(multipart(token, file)))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(303);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/import?too-large"));
		assertThat(get("/import?too-large").body()).contains("The file is larger than the upload limit")
			.contains("enctype=\"multipart/form-data\"");
	}

	@Test
	void aFileWithinTheLimitIsStillRead() throws Exception {
		String token = csrf(get("/import"));
		byte[] file = "type,address,password,targets\nmailbox,x y@cinay.eu,,\n".getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> response = this.client
			.send(request("/import").header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
				.POST(HttpRequest.BodyPublishers.ofByteArray(multipart(token, file)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/import/preview"));
	}

	@Test
	void aFormOverTomcatsLimitGetsAPageThatSaysSo() throws Exception {
		String token = csrf(get("/aliases/new"));
		String form = "alias=big%40cinay.eu&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&targets="
				+ "a%40cinay.eu%2C".repeat(250_000);
		HttpResponse<String> response = this.client
			.send(request("/aliases/new").header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("The form is larger than Postern accepts").contains("Nothing was changed");
	}

	private HttpResponse<String> get(String path) throws Exception {
		HttpResponse<String> response = this.client.send(request(path).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return response;
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(60));
	}

	private static String csrf(HttpResponse<String> page) {
		Matcher matcher = CSRF.matcher(page.body());
		assertThat(matcher.find()).as("a CSRF field").isTrue();
		return matcher.group(1);
	}

	/** The form as a browser sends it: the CSRF field first, then the file. */
	private static byte[] multipart(String token, byte[] file) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token
				+ "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"people.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

}
