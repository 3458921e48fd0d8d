package postern.sites.web;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import postern.change.Change;
import postern.change.ChangeFixtures;
import postern.host.Hosts;
import postern.infrastructure.Paging;
import postern.sites.Caddyfile;
import postern.sites.Site;
import postern.sites.SiteEntry;
import postern.sites.SiteInput;
import postern.sites.SiteKind;
import postern.sites.SiteNotFoundException;
import postern.sites.SiteService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(controllers = SiteController.class, properties = "spring.messages.basename=messages,i18n/change,i18n/sites")
@WithMockUser
class SiteControllerTests {

	private static final String CADDYFILE = "{\n\tadmin localhost:2019\n}\n\nexample.org www.example.org {\n"
			+ "\troot * /var/caddy/www/example.org\n\tfile_server\n}\n\nhttp://odd.example.org:8080 {\n\tmetrics\n}\n";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SiteService sites;

	@MockitoBean
	Hosts hosts;

	@BeforeEach
	void currentHost() {
		ChangeFixtures.currentHostNamed(this.hosts, "vps");
		List<SiteEntry> entries = Caddyfile.parse(CADDYFILE)
			.blocks()
			.stream()
			.map((block) -> new SiteEntry(block.id(), block,
					new Site(SiteKind.OTHER, block.keys(), null, false, false, List.of(), null, null, null)))
			.toList();
		listed(entries);
	}

	private void listed(List<SiteEntry> entries) {
		willAnswer((call) -> Paging.page(entries, call.getArgument(0), call.getArgument(1), Function.identity()))
			.given(this.sites)
			.page(anyInt(), anyInt());
	}

	@Test
	void listShowsOnePageOfBlocksWithAPagerToTheOthers() throws Exception {
		listed(manySites(120));
		this.mvc.perform(get("/sites"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("site0.example.org"), containsString("site49.example.org"),
					not(containsString("site50.example.org")), containsString("Page 1 of 3"),
					containsString("href=\"/sites?page=1\""), containsString("href=\"/sites?page=2\""))));
		this.mvc.perform(get("/sites").param("page", "1"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("site50.example.org"), not(containsString("site49.example.org")),
						containsString("Page 2 of 3"), containsString("href=\"/sites?page=0\""))));
	}

	@Test
	void listBeyondTheLastPageShowsTheLastAndANonNumericPageTheFirst() throws Exception {
		listed(manySites(120));
		this.mvc.perform(get("/sites").param("page", "99999999999"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("site119.example.org"),
					not(containsString("site99.example.org")), containsString("Page 3 of 3"))));
		this.mvc.perform(get("/sites").param("page", "two"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("site0.example.org"), containsString("Page 1 of 3"))));
	}

	@Test
	void listOfOnePageHasNoPager() throws Exception {
		this.mvc.perform(get("/sites"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("class=\"pagination\""))));
	}

	private static List<SiteEntry> manySites(int count) {
		StringBuilder text = new StringBuilder();
		for (int n = 0; n < count; n++) {
			text.append("site").append(n).append(".example.org {\n\trespond \"").append(n).append("\"\n}\n\n");
		}
		return Caddyfile.parse(text.toString())
			.blocks()
			.stream()
			.map((block) -> new SiteEntry(block.id(), block,
					new Site(SiteKind.OTHER, block.keys(), null, false, false, List.of(), null, null, null)))
			.toList();
	}

	@Test
	void listShowsEveryBlockWithLinksByFirstAddress() throws Exception {
		this.mvc.perform(get("/sites"))
			.andExpect(status().isOk())
			.andExpect(view().name(SiteController.LIST))
			.andExpect(content().string(allOf(containsString("www.example.org"), containsString("Global options"),
					containsString("href=\"/sites/example.org/raw\""),
					containsString("href=\"/sites/http:%7C%7Codd.example.org:8080/delete\""),
					containsString("read only"))));
	}

	@Test
	void idsWithSlashesAreFoundThroughTheirEncodedForm() throws Exception {
		Caddyfile file = Caddyfile.parse(CADDYFILE);
		given(this.sites.find("http://odd.example.org:8080"))
			.willReturn(new SiteEntry("http://odd.example.org:8080", file.blocks().get(2), new Site(SiteKind.OTHER,
					List.of("http://odd.example.org:8080"), null, false, false, List.of(), null, null, null)));
		this.mvc.perform(get(URI.create("/sites/http:%7C%7Codd.example.org:8080/raw")))
			.andExpect(status().isOk())
			.andExpect(view().name(SiteController.RAW))
			.andExpect(content().string(containsString("metrics")));
		this.mvc.perform(get(URI.create("/sites/http:%7C%7Codd.example.org:8080/edit")))
			.andExpect(redirectedUrl("/sites/http:%7C%7Codd.example.org:8080/raw"));
	}

	@Test
	void newFormRendersEveryKindAndField() throws Exception {
		this.mvc.perform(get("/sites/new"))
			.andExpect(status().isOk())
			.andExpect(view().name(SiteController.FORM))
			.andExpect(content().string(allOf(containsString("name=\"addresses\""), containsString("name=\"root\""),
					containsString("name=\"upstreams\""), containsString("name=\"redirectTo\""),
					containsString("name=\"authUser\""), containsString("name=\"authPassword\""),
					containsString("value=\"mta-sts\""), containsString("action=\"/sites/new\""))));
	}

	@Test
	void validNewSiteRedirectsToTheChangePreview() throws Exception {
		Change change = mock(Change.class);
		given(change.getId()).willReturn(7L);
		given(this.sites.previewNew(any(SiteInput.class))).willReturn(change);
		this.mvc
			.perform(post("/sites/new").with(csrf())
				.param("kind", "static")
				.param("addresses", "shop.example.org")
				.param("root", "shop"))
			.andExpect(redirectedUrl("/changes/7"));
	}

	@Test
	void invalidAddressesStayOnTheFormWithAFieldMessage() throws Exception {
		this.mvc
			.perform(post("/sites/new").with(csrf())
				.param("kind", "static")
				.param("addresses", "shop.example.org {\n\timport evil\n}")
				.param("root", "shop"))
			.andExpect(status().isOk())
			.andExpect(view().name(SiteController.FORM))
			.andExpect(model().attributeHasFieldErrorCode("form", "addresses", "Pattern"))
			.andExpect(content().string(containsString("Addresses are domain names")));
		verify(this.sites, never()).previewNew(any());
	}

	@Test
	void refusedFormGivesBackWhatWasTypedAndChosen() throws Exception {
		this.mvc
			.perform(post("/sites/new").with(csrf())
				.param("kind", "redirect")
				.param("addresses", "old.example.org")
				.param("redirectTo", "https://new.example.org/<a>")
				.param("redirectStatus", "302")
				.param("mode", "enforce")
				.param("mx", "mx1.example.org")
				.param("maxAge", "30"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrors("form", "maxAge"))
			.andExpect(content().string(allOf(containsString("name=\"addresses\" value=\"old.example.org\""),
					containsString("name=\"redirectTo\" value=\"https://new.example.org/&lt;a&gt;\""),
					containsString("name=\"mx\" value=\"mx1.example.org\""),
					containsString("<option value=\"redirect\" selected=\"selected\">"),
					containsString("<option value=\"302\" selected=\"selected\">"),
					containsString("<option value=\"enforce\" selected=\"selected\">"),
					not(containsString("<option value=\"static\" selected")),
					not(containsString("<option value=\"testing\" selected")))));
		verify(this.sites, never()).previewNew(any());
	}

	@Test
	void unknownSiteIsNotFound() throws Exception {
		given(this.sites.find(eq("nowhere.example.org"))).willThrow(new SiteNotFoundException("nowhere.example.org"));
		this.mvc.perform(get("/sites/nowhere.example.org/edit")).andExpect(status().isNotFound());
	}

}
