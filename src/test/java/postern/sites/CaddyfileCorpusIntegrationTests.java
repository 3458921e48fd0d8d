package postern.sites;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Puts each Caddyfile of a folder in place as the live file and walks the sites pages
 * over it as an admin would: the list, a new site, and every site's form saved unchanged.
 * The folder (given by {@code -Dpostern.caddyfile.corpus}, one sub-folder per file, each
 * holding a {@code Caddyfile} that Caddy accepts) is not part of the project; without it
 * this test does not run.
 */
@AutoConfigureMockMvc
@EnabledIfSystemProperty(named = "postern.caddyfile.corpus", matches = ".+")
class CaddyfileCorpusIntegrationTests extends PosternIntegrationTests {

	private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");

	private static final String NEW_SITE = "postern-corpus-new.example.org";

	@Autowired
	MockMvc mvc;

	@Autowired
	ChangeService changes;

	Path caddyfile = SERVER.resolve("etc/caddy/Caddyfile");

	@Test
	void everyFileIsListedTakesANewSiteAndKeepsItsBytesWhenAFormIsSavedUnchanged() throws Exception {
		CaddyValidate.caddy();
		Path corpus = Path.of(System.getProperty("postern.caddyfile.corpus"));
		byte[] seed = Files.readAllBytes(this.caddyfile);
		List<String> failures = new ArrayList<>();
		int files = 0;
		int listed = 0;
		int appended = 0;
		int forms = 0;
		int unchanged = 0;
		try (Stream<Path> folders = Files.list(corpus).sorted()) {
			for (Path folder : folders.toList()) {
				byte[] original = Files.readAllBytes(folder.resolve("Caddyfile"));
				String name = folder.getFileName().toString();
				files++;
				Files.write(this.caddyfile, original);
				MvcResult list = this.mvc.perform(get("/sites").with(ADMIN)).andReturn();
				if (list.getResponse().getStatus() >= 500) {
					failures.add(name + ": /sites answered " + list.getResponse().getStatus());
					continue;
				}
				if (list.getModelAndView().getModel().get("syntaxError") != null) {
					failures.add(name + ": not listed: " + list.getModelAndView().getModel().get("syntaxError"));
					continue;
				}
				listed++;
				String appendFailure = appendFailure(original);
				if (appendFailure == null) {
					appended++;
				}
				else {
					failures.add(name + ": new site: " + appendFailure);
				}
				@SuppressWarnings("unchecked")
				List<SiteEntry> entries = (List<SiteEntry>) list.getModelAndView().getModel().get("entries");
				for (SiteEntry entry : entries) {
					if (!entry.kind().editable()) {
						continue;
					}
					Files.write(this.caddyfile, original);
					forms++;
					String formFailure = unchangedSaveFailure(entry, original);
					if (formFailure == null) {
						unchanged++;
					}
					else {
						failures.add(name + ": form of " + entry.id() + ": " + formFailure);
					}
				}
			}
		}
		finally {
			Files.write(this.caddyfile, seed);
		}
		System.out.printf("corpus: %d files, %d listed, %d took a new site, %d of %d forms saved unchanged%n", files,
				listed, appended, unchanged, forms);
		failures.forEach((failure) -> System.out.println("corpus failure: " + failure));
		assertThat(failures).isEmpty();
	}

	private String appendFailure(byte[] original) throws Exception {
		MvcResult result = this.mvc
			.perform(form("/sites/new",
					Map.of("kind", "redirect", "addresses", NEW_SITE, "redirectTo", "https://example.org")))
			.andReturn();
		if (result.getResponse().getStatus() != 302) {
			return "answered " + result.getResponse().getStatus() + " "
					+ result.getModelAndView().getModel().get("org.springframework.validation.BindingResult.form");
		}
		ChangeFile file = change(result).getFiles().get(0);
		if (!Boolean.TRUE.equals(file.getValidationOk())) {
			return "refused by Caddy: " + file.getValidationOutput();
		}
		String before = SitePagesIntegrationTests.text(original);
		String after = SitePagesIntegrationTests.text(file.getCandidateContent());
		return onlyBracesAndANewBlock(before, after) ? null : "other bytes changed:\n" + file.getDiff();
	}

	/**
	 * Whether the new text is the old one with at most a {@code " {"} and a {@code "}"}
	 * line inserted, then a block appended.
	 */
	static boolean onlyBracesAndANewBlock(String before, String after) {
		int newBlock = after.lastIndexOf(NEW_SITE + " {");
		if (newBlock < 0) {
			return false;
		}
		String kept = after.substring(0, newBlock).stripTrailing();
		if (kept.equals(before.stripTrailing())) {
			return after.startsWith(before.stripTrailing());
		}
		String old = before.stripTrailing();
		int differ = 0;
		while (differ < old.length() && differ < kept.length() && old.charAt(differ) == kept.charAt(differ)) {
			differ++;
		}
		if (!kept.startsWith(" {", differ)) {
			return false;
		}
		String rest = kept.substring(differ + 2);
		return rest.endsWith("}")
				&& rest.substring(0, rest.length() - 1).stripTrailing().equals(old.substring(differ).stripTrailing());
	}

	private String unchangedSaveFailure(SiteEntry entry, byte[] original) throws Exception {
		String path = "/sites/" + SiteIds.encode(entry.id()) + "/edit";
		MvcResult shown = this.mvc.perform(get(path).with(ADMIN)).andReturn();
		if (shown.getResponse().getStatus() != 200) {
			return "GET answered " + shown.getResponse().getStatus();
		}
		SiteForm form = (SiteForm) shown.getModelAndView().getModel().get("form");
		MvcResult saved = this.mvc.perform(form(path, fields(form))).andReturn();
		if (saved.getResponse().getStatus() != 302) {
			return "POST answered " + saved.getResponse().getStatus() + " "
					+ saved.getModelAndView().getModel().get("org.springframework.validation.BindingResult.form");
		}
		ChangeFile file = change(saved).getFiles().get(0);
		return java.util.Arrays.equals(file.getCandidateContent(), original) ? null : "changed:\n" + file.getDiff();
	}

	private static Map<String, String> fields(SiteForm form) {
		Map<String, String> fields = new java.util.HashMap<>();
		put(fields, "kind", form.getKind());
		put(fields, "addresses", form.getAddresses());
		put(fields, "root", form.getRoot());
		put(fields, "browse", String.valueOf(form.isBrowse()));
		put(fields, "gzip", String.valueOf(form.isGzip()));
		put(fields, "upstreams", form.getUpstreams());
		put(fields, "redirectTo", form.getRedirectTo());
		put(fields, "redirectStatus", form.getRedirectStatus());
		put(fields, "authUser", form.getAuthUser());
		put(fields, "mode", form.getMode());
		put(fields, "mx", form.getMx());
		put(fields, "maxAge", (form.getMaxAge() != null) ? form.getMaxAge().toString() : null);
		return fields;
	}

	private static void put(Map<String, String> fields, String name, String value) {
		if (value != null) {
			fields.put(name, value);
		}
	}

	private static MockHttpServletRequestBuilder form(String path, Map<String, String> fields) {
		MockHttpServletRequestBuilder request = post(path).with(ADMIN).with(csrf());
		fields.forEach(request::param);
		return request;
	}

	private Change change(MvcResult result) throws IOException {
		String location = result.getResponse().getRedirectedUrl();
		return this.changes.find(Long.parseLong(location.substring("/changes/".length())));
	}

}
