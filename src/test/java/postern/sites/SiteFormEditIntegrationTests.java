package postern.sites;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import postern.PosternIntegrationTests;
import postern.change.Change;
import postern.change.ChangeFile;
import postern.change.ChangeService;
import postern.sites.web.SiteForm;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A site's form over hand-written Caddyfiles: saved unchanged it changes no byte, and an
 * edit changes only what the admin changed, in the file's own layout.
 */
@AutoConfigureMockMvc
class SiteFormEditIntegrationTests extends PosternIntegrationTests {

	private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");

	/** Four spaces, comments, an address list over two lines, trailing spaces. */
	static final String HAND_WRITTEN = """
			# Written by hand
			{
			    email admin@example.org
			}

			eleonora.example.org {
			    redir https://eleonora.example.net
			}

			moved.example.org {
			    redir https://example.net{uri} 308
			}

			ouestline.example.org {
			    root ouestline.example.org
			    file_server # no listing
			}

			shop.example.org,
			    www.shop.example.org {  \s
			    # the shop's backend
			    reverse_proxy 127.0.0.1:8080  \s
			    encode zstd gzip
			}

			mta-sts.example.org {
			    @policy path /.well-known/mta-sts.txt
			    respond @policy "version: STSv1
			mode: testing
			mx: mx1.example.org
			max_age: 604800
			" 200
			    respond 404
			}
			""";

	@Autowired
	MockMvc mvc;

	@Autowired
	ChangeService changes;

	Path caddyfile = SERVER.resolve("etc/caddy/Caddyfile");

	byte[] seed;

	@BeforeEach
	void keepTheSeed() throws Exception {
		CaddyValidate.caddy();
		this.seed = Files.readAllBytes(this.caddyfile);
	}

	@AfterEach
	void restoreTheSeed() throws Exception {
		Files.write(this.caddyfile, this.seed);
	}

	@Test
	void everyFormSavedUnchangedChangesNoByteAndThePreviewSaysSo() throws Exception {
		for (String text : List.of(HAND_WRITTEN, HAND_WRITTEN.replace("\n", "\r\n"),
				"{\n\temail admin@example.org\n}\n\nsolo.example.org\nroot * /var/caddy/www/solo\nfile_server")) {
			Files.writeString(this.caddyfile, text);
			List<String> ids = Caddyfile.parse(text)
				.blocks()
				.stream()
				.filter((block) -> SiteBlocks.read(block).kind().editable())
				.map(Caddyfile.Block::id)
				.toList();
			assertThat(ids).isNotEmpty();
			for (String id : ids) {
				String path = "/sites/" + SiteIds.encode(id) + "/edit";
				Change change = change(save(path, fields(shown(path))));
				ChangeFile file = change.getFiles().get(0);
				assertThat(text(file.getCandidateContent())).as(id).isEqualTo(text);
				this.mvc.perform(get("/changes/" + change.getId()).with(ADMIN))
					.andExpect(content().string(containsString("No change in this file.")));
			}
		}
		Files.writeString(this.caddyfile, HAND_WRITTEN);
		assertThat(ids(HAND_WRITTEN)).contains("eleonora.example.org", "moved.example.org", "ouestline.example.org",
				"shop.example.org", "mta-sts.example.org");
	}

	@Test
	void aRedirectWithoutStatusStaysTemporaryUntilTheAdminPicksPermanent() throws Exception {
		Files.writeString(this.caddyfile, HAND_WRITTEN);
		String path = "/sites/eleonora.example.org/edit";
		SiteForm form = shown(path);
		assertThat(form.getRedirectStatus()).isEmpty();
		this.mvc.perform(get(path).with(ADMIN))
			.andExpect(content().string(allOf(containsString("Temporary (302"), containsString("Permanent (301"))));
		Map<String, String> fields = fields(form);
		fields.put("redirectStatus", "permanent");
		assertThat(candidate(save(path, fields))).isEqualTo(HAND_WRITTEN.replace("redir https://eleonora.example.net\n",
				"redir https://eleonora.example.net permanent\n"));
		String moved = "/sites/moved.example.org/edit";
		SiteForm movedForm = shown(moved);
		assertThat(movedForm.getRedirectStatuses()).containsExactly("", "permanent", "308");
		Map<String, String> temporary = fields(movedForm);
		temporary.put("redirectStatus", "");
		assertThat(candidate(save(moved, temporary))).isEqualTo(HAND_WRITTEN.replace("{uri} 308\n", "{uri}\n"));
	}

	@Test
	void anEditChangesOnlyItsTokensAndNewLinesFollowTheFileIndentation() throws Exception {
		Files.writeString(this.caddyfile, HAND_WRITTEN);
		String shop = "/sites/shop.example.org/edit";
		Map<String, String> upstream = fields(shown(shop));
		upstream.put("upstreams", "127.0.0.1:9090 127.0.0.1:9091");
		assertThat(candidate(save(shop, upstream))).isEqualTo(HAND_WRITTEN.replace("reverse_proxy 127.0.0.1:8080  ",
				"reverse_proxy 127.0.0.1:9090 127.0.0.1:9091  "));
		Map<String, String> noGzip = fields(shown(shop));
		noGzip.put("gzip", "false");
		assertThat(candidate(save(shop, noGzip))).isEqualTo(HAND_WRITTEN.replace("    encode zstd gzip\n", ""));
		String ouestline = "/sites/ouestline.example.org/edit";
		Map<String, String> gzip = fields(shown(ouestline));
		gzip.put("gzip", "true");
		gzip.put("browse", "true");
		assertThat(candidate(save(ouestline, gzip))).isEqualTo(HAND_WRITTEN.replace("    file_server # no listing\n",
				"    encode gzip\n    file_server browse # no listing\n"));
	}

	@Test
	void aSecondSiteBracesTheUnbracedOneAndFollowsItsLineEnds() throws Exception {
		String solo = "{\r\n    email admin@example.org\r\n}\r\n\r\nsolo.example.org\r\nroot * /srv/solo\r\nfile_server";
		Files.writeString(this.caddyfile, solo);
		MvcResult result = save("/sites/new", new HashMap<>(Map.of("kind", "redirect", "addresses",
				"second.example.org", "redirectTo", "https://example.org", "redirectStatus", "")));
		ChangeFile file = change(result).getFiles().get(0);
		assertThat(file.getValidationOk()).as(file.getValidationOutput()).isTrue();
		assertThat(text(file.getCandidateContent())).isEqualTo(solo.replace("solo.example.org", "solo.example.org {")
				+ "\r\n}\r\n\r\nsecond.example.org {\r\n    redir https://example.org\r\n}\r\n");
	}

	@Test
	void aFileCaddyValidateRefusesHereIsJudgedByCaddyAdapt() throws Exception {
		String elsewhere = "secure.example.org {\n\ttls /nonexistent/postern/cert.pem /nonexistent/postern/key.pem\n"
				+ "\trespond \"hi\"\n}\n";
		Files.writeString(this.caddyfile, elsewhere);
		Map<String, String> fields = new HashMap<>(Map.of("kind", "redirect", "addresses", "second.example.org",
				"redirectTo", "https://example.org", "redirectStatus", ""));
		ChangeFile file = change(save("/sites/new", fields)).getFiles().get(0);
		assertThat(file.getValidationOk()).as(file.getValidationOutput()).isTrue();
		assertThat(file.getValidationOutput()).contains("caddy validate refuses the file on disk as well")
			.contains("/nonexistent/postern/cert.pem")
			.contains("caddy adapt reads the changed file: ok");
		this.mvc
			.perform(post("/sites/secure.example.org/raw").with(ADMIN)
				.with(csrf())
				.param("text", "secure.example.org {\n\tfile_servr\n}"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("unrecognized directive: file_servr")));
		assertThat(Files.readString(this.caddyfile)).isEqualTo(elsewhere);
	}

	@Test
	void theServicesPageShowsTheAdminEndpointReloadsGoTo() throws Exception {
		Files.writeString(this.caddyfile, "{\n\tadmin 127.0.0.1:2999\n}\n\na.example.org {\n\trespond \"a\"\n}\n");
		this.mvc.perform(get("/services/caddy/card").with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Admin endpoint used for reloads (from the Caddyfile)"),
					containsString("127.0.0.1:2999"))));
		Files.writeString(this.caddyfile, "a.example.org {\n\trespond \"a\"\n}\n");
		this.mvc.perform(get("/services/caddy/card").with(ADMIN))
			.andExpect(content().string(allOf(containsString("Admin endpoint used for reloads</dt>"),
					org.hamcrest.Matchers.not(containsString("127.0.0.1:2999")))));
	}

	@Test
	void aFilePosternCannotReadIsShownAsTextWithCaddysReason() throws Exception {
		String broken = "a.example.org {\n\trespond \"never closed\n}\n";
		Files.writeString(this.caddyfile, broken);
		for (String page : List.of("/sites", "/sites/a.example.org/edit", "/sites/a.example.org/raw")) {
			this.mvc.perform(get(page).with(ADMIN))
				.andExpect(status().isOk())
				.andExpect(content().string(allOf(containsString(this.caddyfile.toString()), containsString("line 2"),
						containsString("unterminated quoted string"), containsString("Caddy refuses the file too"),
						containsString("respond &quot;never closed"))));
		}
		assertThat(Files.readString(this.caddyfile)).isEqualTo(broken);
	}

	private List<String> ids(String text) {
		return Caddyfile.parse(text).blocks().stream().map(Caddyfile.Block::id).toList();
	}

	private SiteForm shown(String path) throws Exception {
		MvcResult shown = this.mvc.perform(get(path).with(ADMIN)).andExpect(status().isOk()).andReturn();
		return (SiteForm) shown.getModelAndView().getModel().get("form");
	}

	private MvcResult save(String path, Map<String, String> fields) throws Exception {
		MockHttpServletRequestBuilder request = post(path).with(ADMIN).with(csrf());
		fields.forEach(request::param);
		return this.mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn();
	}

	private String candidate(MvcResult result) {
		return text(change(result).getFiles().get(0).getCandidateContent());
	}

	private Change change(MvcResult result) {
		String location = result.getResponse().getRedirectedUrl();
		return this.changes.find(Long.parseLong(location.substring("/changes/".length())));
	}

	static Map<String, String> fields(SiteForm form) {
		Map<String, String> fields = new HashMap<>();
		fields.put("kind", form.getKind());
		fields.put("addresses", form.getAddresses());
		fields.put("browse", String.valueOf(form.isBrowse()));
		fields.put("gzip", String.valueOf(form.isGzip()));
		fields.put("mode", form.getMode());
		fields.put("maxAge", String.valueOf(form.getMaxAge()));
		put(fields, "root", form.getRoot());
		put(fields, "upstreams", form.getUpstreams());
		put(fields, "redirectTo", form.getRedirectTo());
		put(fields, "redirectStatus", form.getRedirectStatus());
		put(fields, "authUser", form.getAuthUser());
		put(fields, "mx", form.getMx());
		return fields;
	}

	private static void put(Map<String, String> fields, String name, String value) {
		if (value != null) {
			fields.put(name, value);
		}
	}

	private static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
