package postern;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Values a form cannot convert get a message in the user's language next to their field,
 * never Spring's conversion text; names with a slash get links that lead to their page.
 */
@AutoConfigureMockMvc
class FieldMessagesTests extends PosternIntegrationTests {

	private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Test
	void aMaxAgeThatIsNotANumberGetsAMessageInTheUsersLanguage() throws Exception {
		for (String language : new String[] { "en", "fr" }) {
			this.mvc
				.perform(post("/sites/new").with(ADMIN)
					.with(csrf())
					.param("lang", language)
					.param("kind", "mta-sts")
					.param("addresses", "mta-sts.example.org")
					.param("mode", "testing")
					.param("mx", "mx1.example.org")
					.param("maxAge", "a week"))
				.andExpect(status().isOk())
				.andExpect(model().attributeHasFieldErrorCode("form", "maxAge", "typeMismatch"))
				.andExpect(content().string(allOf(not(containsString("Failed to convert")),
						not(containsString("java.lang")), containsString(language.equals("fr")
								? "max_age est un nombre de secondes" : "max_age is a number of seconds"))));
		}
	}

	@Test
	void aTokenScopeIsReadInEitherCaseAndAnUnknownOneGetsAMessage() throws Exception {
		String name = "deploy " + System.nanoTime();
		this.mvc
			.perform(post("/account/tokens").with(user("admin").roles("ADMIN"))
				.with(csrf())
				.param("name", name)
				.param("scope", "write"))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/account/tokens").with(ADMIN)
				.with(csrf())
				.param("lang", "fr")
				.param("name", name + " b")
				.param("scope", "admin"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "scope", "typeMismatch"))
			.andExpect(content().string(allOf(not(containsString("Failed to convert")),
					not(containsString("postern.api.ApiScope")), containsString("La portée est read"))));
	}

	@Test
	void aMailboxWithASlashInItsNameGetsLinksThatLeadToItsPages() throws Exception {
		String address = "team/sales" + System.nanoTime() + "@xoyize.xyz";
		Path state = SERVER.resolve("state/maddy");
		Files.writeString(state.resolve("credentials"), address + "\tstandin-sha256:00\n", StandardOpenOption.APPEND);
		Files.writeString(state.resolve("imap-accounts"), address + "\n", StandardOpenOption.APPEND);
		String encoded = address.replace("/", "%2F");
		String list = "";
		for (int i = 0; i < 50 && !list.contains(encoded); i++) {
			list = this.mvc.perform(get("/mailboxes").param("q", "team").with(ADMIN))
				.andReturn()
				.getResponse()
				.getContentAsString();
			Thread.sleep(200);
		}
		assertThat(list).contains("href=\"/mailboxes/" + encoded + "/password\"")
			.contains("href=\"/mailboxes/" + encoded + "/delete\"");
		this.mvc.perform(get(URI.create("/mailboxes/" + encoded + "/password")).with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(address)));
		this.mvc.perform(get(URI.create("/mailboxes/" + encoded + "/delete")).with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(address)));

		// the server in front lets the encoded slash through to the login redirect
		HttpResponse<Void> response = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(10))
			.build()
			.send(HttpRequest
				.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/mailboxes/" + encoded + "/password"))
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login"));
	}

}
