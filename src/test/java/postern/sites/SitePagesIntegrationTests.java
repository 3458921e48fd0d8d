package postern.sites;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import postern.PosternIntegrationTests;
import postern.change.ApplyOutcome;
import postern.change.Change;
import postern.change.ChangeFile;
import postern.change.ChangeService;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * The sites pages over the real service, the sandbox server root and the installed
 * {@code caddy validate}: what a form leads to, and what it refuses.
 */
@AutoConfigureMockMvc
class SitePagesIntegrationTests extends PosternIntegrationTests {

	private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");

	@Autowired
	MockMvc mvc;

	@Autowired
	ChangeService changes;

	@Autowired
	postern.audit.AuditLog auditLog;

	Path caddyfile = SERVER.resolve("etc/caddy/Caddyfile");

	Path webRoot = SERVER.resolve("var/caddy/www");

	@BeforeEach
	void caddyInstalled() {
		CaddyValidate.caddy();
	}

	@Test
	void listShowsEveryBlockWithItsKindAndTheMtaStsRecord() throws Exception {
		String policy = MtaStsPolicy.servedBy(Files.readAllBytes(this.caddyfile), "xoyize.xyz").orElseThrow();
		this.mvc.perform(get("/sites").with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(view().name("sites/list"))
			.andExpect(content().string(allOf(containsString("www.xoyize.xyz"), containsString("Global options"),
					containsString("(security_headers)"), containsString("MTA-STS policy"),
					containsString("_mta-sts.xoyize.xyz TXT &quot;v=STSv1; id=" + MtaStsPolicy.idOf(policy)),
					containsString("href=\"/sites/mta-sts.xoyize.xyz/edit\""))));
	}

	@Test
	void newStaticSiteIsValidatedByCaddyAndAppliedWithOnlyItsBlockAdded() throws Exception {
		String before = Files.readString(this.caddyfile);
		String name = "new" + System.nanoTime() + ".example.org";
		MvcResult result = this.mvc
			.perform(form("/sites/new",
					Map.of("kind", "static", "addresses", name, "root", name, "gzip", "true", "createFolder", "true")))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		Change change = change(result);
		ChangeFile file = change.getFiles().get(0);
		assertThat(file.getValidator()).isEqualTo("caddyfile");
		assertThat(change.isValid()).as(file.getValidationOutput()).isTrue();
		assertThat(file.getValidationOutput()).contains("Valid configuration");
		assertThat(change.getFiles()).hasSize(2);
		assertThat(this.webRoot.resolve(name)).as("made at Apply, not at preview").doesNotExist();

		assertThat(this.changes.apply(change.getId())).isEqualTo(ApplyOutcome.APPLIED);
		assertThat(Files.isDirectory(this.webRoot.resolve(name))).isTrue();
		String after = Files.readString(this.caddyfile);
		assertThat(after).startsWith(before.stripTrailing());
		assertThat(after.substring(before.length()))
			.contains(name + " {\n\troot * " + this.webRoot.resolve(name) + "\n\tencode gzip\n\tfile_server\n}\n");
		assertThat(Files.readString(this.webRoot.resolve(name).resolve("index.html"))).contains("<h1>" + name);
	}

	@Test
	void rawEditWithAnUnknownDirectiveIsRefusedByCaddyNextToTheText() throws Exception {
		String before = Files.readString(this.caddyfile);
		this.mvc.perform(form("/sites/xoyize.xyz/raw", Map.of("text", "xoyize.xyz, www.xoyize.xyz {\n\tfile_servr\n}")))
			.andExpect(status().isOk())
			.andExpect(view().name("sites/raw"))
			.andExpect(model().attributeHasFieldErrorCode("form", "text", "sites.error.raw.invalid"))
			.andExpect(content().string(allOf(containsString("unrecognized directive: file_servr"),
					containsString(this.caddyfile.toString()),
					org.hamcrest.Matchers.not(containsString("postern-check")))));
		assertThat(Files.readString(this.caddyfile)).isEqualTo(before);
	}

	@Test
	void theGlobalOptionsAreNeverEdited() throws Exception {
		this.mvc.perform(get("/sites").with(ADMIN))
			.andExpect(content().string(allOf(org.hamcrest.Matchers.not(containsString("href=\"/sites//raw\"")),
					containsString("read only"))));
		String before = Files.readString(this.caddyfile);
		this.mvc.perform(form("/sites/(security_headers)/raw", Map.of("text", "{\n\tadmin off\n}")))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "text"));
		assertThat(Files.readString(this.caddyfile)).isEqualTo(before);
	}

	@Test
	void hostileInputsAreRefusedNextToTheirField() throws Exception {
		String before = Files.readString(this.caddyfile);
		String huge = "a".repeat(10_000);
		List<List<String>> cases = List.of(List.of("static", "addresses", "a.example.org\nimport evil"),
				List.of("static", "addresses", "a.example.org {"), List.of("static", "addresses", "}"),
				List.of("static", "addresses", "\"a.example.org\""), List.of("static", "addresses", "import"),
				List.of("static", "addresses", huge + ".example.org"), List.of("static", "root", "../../etc"),
				List.of("static", "root", "site/../../../etc"), List.of("static", "root", "/etc"),
				List.of("static", "root", "/var/caddy/www/../../etc"), List.of("static", "root", "a\nimport evil"),
				List.of("static", "root", "a{b}"), List.of("static", "root", "\"a\""), List.of("static", "root", huge),
				List.of("proxy", "upstreams", "127.0.0.1:80 {"),
				List.of("proxy", "upstreams", "127.0.0.1:80\nimport x"), List.of("proxy", "upstreams", "\"a\":80"),
				List.of("proxy", "upstreams", "127.0.0.1:99999"), List.of("proxy", "upstreams", huge),
				List.of("proxy", "upstreams", "localhost:2019"),
				List.of("proxy", "upstreams", "127.0.0.1:8080 [::1]:2019"),
				List.of("redirect", "redirectTo", "https://a.example.org/\"}"),
				List.of("redirect", "redirectTo", "https://a.example.org/{uri}"),
				List.of("redirect", "redirectTo", "javascript:alert(1)"),
				List.of("redirect", "redirectTo", "https://a.example.org/\nimport x"),
				List.of("static", "authUser", "bob\nimport evil"), List.of("static", "authUser", "bo b"),
				List.of("static", "authUser", "b{"), List.of("static", "authUser", "\"b\""),
				List.of("static", "authUser", huge), List.of("mta-sts", "mx", "mail.example.org\nmx: evil.example"),
				List.of("mta-sts", "mx", "mail.example.org\""), List.of("mta-sts", "addresses", "www.example.org"));
		for (List<String> hostile : cases) {
			Map<String, String> fields = new java.util.HashMap<>(valid(hostile.get(0)));
			fields.put(hostile.get(1), hostile.get(2));
			this.mvc.perform(form("/sites/new", fields))
				.andExpect(status().isOk())
				.andExpect(view().name("sites/form"))
				.andExpect(model().attributeHasFieldErrors("form", hostile.get(1)));
		}
		assertThat(Files.readString(this.caddyfile)).isEqualTo(before);
	}

	@Test
	void rootThroughALinkOutOfTheWebRootIsRefused() throws Exception {
		Path link = this.webRoot.resolve("escape" + System.nanoTime());
		Files.createSymbolicLink(link, Path.of("/etc"));
		Map<String, String> fields = new java.util.HashMap<>(valid("static"));
		fields.put("root", link.getFileName() + "/inside");
		this.mvc.perform(form("/sites/new", fields))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "root", "sites.error.root.link"));
		fields.put("root", link.toString());
		this.mvc.perform(form("/sites/new", fields))
			.andExpect(model().attributeHasFieldErrorCode("form", "root", "sites.error.root.link"));
	}

	@Test
	void anAddressAnotherBlockServesIsRefused() throws Exception {
		Map<String, String> fields = new java.util.HashMap<>(valid("static"));
		fields.put("addresses", "fresh.example.org www.xoyize.xyz");
		this.mvc.perform(form("/sites/new", fields))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "addresses", "sites.error.addresses.used"));
	}

	@Test
	void mtaStsPolicyIsPublishedWithItsRecord() throws Exception {
		String domain = "m" + System.nanoTime() + ".example.org";
		this.mvc.perform(get("/sites/new").param("domain", domain).param("mx", "mx1.xoyize.xyz").with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("value=\"mta-sts." + domain + "\""),
					containsString("value=\"mx1.xoyize.xyz\""))));
		MvcResult result = this.mvc
			.perform(form("/sites/new",
					Map.of("kind", "mta-sts", "addresses", "mta-sts." + domain, "mode", "enforce", "mx",
							"mx1.xoyize.xyz", "maxAge", "86400")))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		Change change = change(result);
		assertThat(change.isValid()).as(change.getFiles().get(0).getValidationOutput()).isTrue();
		assertThat(this.changes.apply(change.getId())).isEqualTo(ApplyOutcome.APPLIED);
		String policy = "version: STSv1\nmode: enforce\nmx: mx1.xoyize.xyz\nmax_age: 86400\n";
		assertThat(MtaStsPolicy.servedBy(Files.readAllBytes(this.caddyfile), domain)).hasValue(policy);
		this.mvc.perform(get("/sites/mta-sts." + domain + "/edit").with(ADMIN))
			.andExpect(content().string(containsString("v=STSv1; id=" + MtaStsPolicy.idOf(policy))));
	}

	@Test
	void basicAuthPasswordGoesInAsABcryptHashOnlyAndNeverIntoTheAudit() throws Exception {
		String name = "auth" + System.nanoTime() + ".example.org";
		String password = "plain password " + System.nanoTime();
		MvcResult result = this.mvc
			.perform(
					form("/sites/new",
							Map.of("kind", "static", "addresses", name, "root", name, "authUser", "bob", "authPassword",
									password)))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		Change change = change(result);
		assertThat(change.isValid()).as(change.getFiles().get(0).getValidationOutput()).isTrue();
		assertThat(this.changes.apply(change.getId())).isEqualTo(ApplyOutcome.APPLIED);
		String caddyfile = Files.readString(this.caddyfile);
		assertThat(caddyfile).contains(name + " {").contains("\tbasicauth {\n\t\tbob $2a$12$").doesNotContain(password);
		assertThat(this.auditLog.find(password, org.springframework.data.domain.Pageable.ofSize(10))).isEmpty();
		assertThat(this.auditLog.find(name, org.springframework.data.domain.Pageable.ofSize(10))).isNotEmpty();

		Map<String, String> again = Map.of("kind", "static", "addresses", name, "root", name, "authUser", "bob",
				"browse", "true");
		Change kept = change(this.mvc.perform(form("/sites/" + name + "/edit", again))
			.andExpect(status().is3xxRedirection())
			.andReturn());
		String candidate = text(kept.getFiles().get(0).getCandidateContent());
		String hash = caddyfile.substring(caddyfile.indexOf("bob $2a$12$") + 4).lines().findFirst().orElseThrow();
		assertThat(candidate).contains("bob " + hash).contains("file_server browse");
	}

	@Test
	void rawTextFromABrowserKeepsTheLineEndsOfTheFile() throws Exception {
		String name = "raw" + System.nanoTime() + ".example.org";
		Change added = change(this.mvc
			.perform(form("/sites/new",
					Map.of("kind", "redirect", "addresses", name, "redirectTo", "https://example.org")))
			.andReturn());
		assertThat(this.changes.apply(added.getId())).isEqualTo(ApplyOutcome.APPLIED);
		Change raw = change(this.mvc
			.perform(form("/sites/" + name + "/raw",
					Map.of("text", name + " {\r\n\t# moved\r\n\tredir https://example.net permanent\r\n}\r\n")))
			.andExpect(status().is3xxRedirection())
			.andReturn());
		String candidate = text(raw.getFiles().get(0).getCandidateContent());
		assertThat(candidate).doesNotContain("\r")
			.contains(name + " {\n\t# moved\n\tredir https://example.net permanent\n}\n");
		assertThat(raw.isValid()).as(raw.getFiles().get(0).getValidationOutput()).isTrue();
	}

	@Test
	void aFailingSystemctlReloadRestoresTheFile() throws Exception {
		Path unit = SERVER.resolve("state/systemd/caddy.service");
		String unitBefore = Files.readString(unit);
		byte[] before = Files.readAllBytes(this.caddyfile);
		try {
			Files.writeString(unit, unitBefore + "failing-reload\n");
			Change change = change(this.mvc.perform(form("/sites/new", valid("redirect"))).andReturn());
			assertThat(change.isValid()).isTrue();
			assertThat(this.changes.apply(change.getId())).isEqualTo(ApplyOutcome.ROLLED_BACK);
			assertThat(this.changes.find(change.getId()).getSteps()).anySatisfy(
					(step) -> assertThat(step.getOutput()).contains("systemctl reload caddy.service: exit code 1")
						.contains("Job for caddy.service failed"));
			assertThat(Files.readAllBytes(this.caddyfile)).isEqualTo(before);
		}
		finally {
			Files.writeString(unit, unitBefore);
		}
	}

	private static Map<String, String> valid(String kind) {
		String address = "fresh" + System.nanoTime() + ".example.org";
		return switch (kind) {
			case "static" -> Map.of("kind", kind, "addresses", address, "root", "fresh", "authUser", "bob",
					"authPassword", "long enough password");
			case "proxy" -> Map.of("kind", kind, "addresses", address, "upstreams", "127.0.0.1:8080");
			case "redirect" -> Map.of("kind", kind, "addresses", address, "redirectTo", "https://example.org");
			default -> Map.of("kind", kind, "addresses", "mta-sts." + address, "mode", "testing", "mx",
					"mx1.xoyize.xyz", "maxAge", "86400");
		};
	}

	static MockHttpServletRequestBuilder form(String path, Map<String, String> fields) {
		MockHttpServletRequestBuilder request = post(path).with(ADMIN).with(csrf());
		fields.forEach(request::param);
		return request;
	}

	private Change change(MvcResult result) {
		return change(this.changes, result);
	}

	/**
	 * The change a preview redirected to.
	 * @param changes the stored changes
	 * @param result a request answered with a redirect to {@code /changes/{id}}
	 * @return the change
	 */
	static Change change(ChangeService changes, MvcResult result) {
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/changes/");
		return changes.find(Long.parseLong(location.substring("/changes/".length())));
	}

	static String text(byte[] bytes) {
		return new String(bytes, StandardCharsets.UTF_8);
	}

}
