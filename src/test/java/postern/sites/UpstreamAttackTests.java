package postern.sites;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import postern.PosternIntegrationTests;
import postern.audit.AuditLog;
import postern.change.ApplyOutcome;
import postern.change.Change;
import postern.change.ChangeService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Raw edits and forms that try to reach Caddy's admin endpoint, or make Caddy print what
 * it should not, over the real service and the installed Caddy.
 */
@AutoConfigureMockMvc
class UpstreamAttackTests extends PosternIntegrationTests {

	private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");

	@Autowired
	MockMvc mvc;

	@Autowired
	ChangeService changes;

	@Autowired
	AuditLog audit;

	Path caddyfile = SERVER.resolve("etc/caddy/Caddyfile");

	String site;

	@BeforeEach
	void proxySite() throws Exception {
		CaddyValidate.caddy();
		this.site = "p" + System.nanoTime() + ".example.org";
		Change change = change(this.mvc
			.perform(form("/sites/new", Map.of("kind", "proxy", "addresses", this.site, "upstreams", "127.0.0.1:8080")))
			.andExpect(status().is3xxRedirection())
			.andReturn());
		assertThat(this.changes.apply(change.getId())).isEqualTo(ApplyOutcome.APPLIED);
	}

	@Test
	void rawEditsThatDialTheAdminEndpointAreRefusedWhateverTheSpelling() throws Exception {
		String before = Files.readString(this.caddyfile);
		List<String> bodies = List.of("reverse_proxy 127.0.0.1:02019 {\n\t\theader_up Host 127.0.0.1:2019\n\t}",
				"reverse_proxy {\n\t\tdynamic a localhost 2019\n\t}", "forward_auth 127.0.0.1:2019 {\n\t\turi /\n\t}",
				"php_fastcgi [::1]:2019", "reverse_proxy [::ffff:127.0.0.1]:2019", "reverse_proxy 127.1:2019",
				"reverse_proxy 0.0.0.0:2019", "reverse_proxy localhost:2019", "reverse_proxy {$NOT_SET:localhost}:2019",
				"reverse_proxy 127.0.0.1:8080 {\n\t\tto http://localhost:2019\n\t}");
		for (String body : bodies) {
			for (boolean accept : List.of(false, true)) {
				this.mvc.perform(raw(this.site + " {\n\t" + body + "\n}", accept))
					.andExpect(status().isOk())
					.andExpect(model().attributeHasFieldErrorCode("form", "text", "sites.error.raw.admin-proxy"));
			}
		}
		assertThat(Files.readString(this.caddyfile)).isEqualTo(before);
	}

	@Test
	void anUpstreamTakenFromTheRequestNeedsTheAdminsExplicitConsentWhichIsAudited() throws Exception {
		String text = this.site + " {\n\treverse_proxy {http.request.header.X-Up}\n}";
		String before = Files.readString(this.caddyfile);
		this.mvc.perform(raw(text, false))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "acceptUnjudged", "sites.error.raw.unjudged"));
		assertThat(Files.readString(this.caddyfile)).isEqualTo(before);

		Change change = change(this.mvc.perform(raw(text, true)).andExpect(status().is3xxRedirection()).andReturn());
		assertThat(change.getFiles().get(0).getValidator()).isEqualTo(UnjudgedUpstreamsValidator.ID);
		assertThat(change.getSummary()).contains("{http.request.header.X-Up}");
		assertThat(this.changes.apply(change.getId())).isEqualTo(ApplyOutcome.APPLIED);
		assertThat(Files.readString(this.caddyfile)).contains("reverse_proxy {http.request.header.X-Up}");
		assertThat(this.audit.find("X-Up", org.springframework.data.domain.Pageable.ofSize(10)).getContent())
			.isNotEmpty();

		// already there, it no longer needs the box for another edit of the block
		Change kept = change(this.mvc
			.perform(raw(this.site + " {\n\tencode gzip\n\treverse_proxy {http.request.header.X-Up}\n}", false))
			.andExpect(status().is3xxRedirection())
			.andReturn());
		assertThat(kept.isValid()).isTrue();
	}

	@Test
	void aFormUpstreamOnTheAdminEndpointIsRefused() throws Exception {
		this.mvc
			.perform(form("/sites/new",
					Map.of("kind", "proxy", "addresses", "f" + this.site, "upstreams", "http://[::1]:2019")))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "upstreams", "sites.error.raw.admin-proxy"));
	}

	@Test
	void validationShowsNoLineOfAFileOutsideTheCaddyfilesFolder() throws Exception {
		Path secret = SERVER.resolve("root/notes-" + System.nanoTime());
		Files.createDirectories(secret.getParent());
		Files.writeString(secret, "first-line-secret-7f3a:x:0:0\nsecond\n");
		for (String text : List.of(this.site + " {\n\timport " + secret + "\n}", "import " + secret,
				this.site + " {\n\treverse_proxy 127.0.0.1:8080 {\n\t\timport " + secret + "\n\t}\n}")) {
			this.mvc.perform(raw(text, false))
				.andExpect(status().isOk())
				.andExpect(content().string(not(containsString("first-line-secret-7f3a"))));
		}
	}

	@Test
	void caddyRunsWithoutPosternsEnvironment() throws Exception {
		String path = System.getenv("PATH");
		assertThat(path).isNotBlank();
		MvcResult result = this.mvc.perform(raw(this.site + " {\n\t{$PATH}\n\treverse_proxy 127.0.0.1:8080\n}", false))
			.andReturn();
		assertThat(result.getResponse().getContentAsString()).doesNotContain(path);
		if (result.getResponse().getRedirectedUrl() != null) {
			assertThat(change(result).getFiles().get(0).getValidationOutput()).doesNotContain(path);
		}
	}

	private MockHttpServletRequestBuilder raw(String text, boolean accept) {
		MockHttpServletRequestBuilder request = post("/sites/" + this.site + "/raw").with(ADMIN)
			.with(csrf())
			.param("text", text);
		return accept ? request.param("acceptUnjudged", "true") : request;
	}

	private static MockHttpServletRequestBuilder form(String path, Map<String, String> fields) {
		return SitePagesIntegrationTests.form(path, fields);
	}

	private Change change(MvcResult result) {
		return SitePagesIntegrationTests.change(this.changes, result);
	}

}
