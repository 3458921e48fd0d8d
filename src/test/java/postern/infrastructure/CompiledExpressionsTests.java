package postern.infrastructure;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;

import postern.PosternIntegrationTests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Thymeleaf compiles an expression to bytecode once it has run a hundred times; until
 * then it is interpreted. A page rendered after its expressions compiled must be the page
 * rendered before: the layout, the forms with their errors, the htmx fragments, the error
 * pages and the French texts.
 */
@AutoConfigureMockMvc
class CompiledExpressionsTests extends PosternIntegrationTests {

	/**
	 * Spring compiles an expression after this many interpreted runs (its threshold is
	 * 100).
	 */
	private static final int RENDERS_UNTIL_COMPILED = 110;

	@Autowired
	MockMvc mvc;

	@Autowired
	SpringTemplateEngine templates;

	@Test
	void theExpressionCompilerIsOn() {
		assertThat(this.templates.getEnableSpringELCompiler()).isTrue();
	}

	@Test
	void everyPageIsTheSameOnceItsExpressionsAreCompiled() throws Exception {
		// The light pages and forms, a list with its pager, each feature's layout and a
		// French page
		List<MockHttpServletRequestBuilder> pages = List.of(get("/"), get("/domains/xoyize.xyz"), get("/aliases/new"),
				get("/sites/new"), get("/hosts/new"), get("/admins"), get("/account"), get("/account/tokens"),
				get("/hosts/new").param("lang", "fr"), get("/aliases").header("HX-Request", "true"),
				post("/hosts/new").param("name", "-bad").param("port", "seventy").with(csrf()),
				post("/sites/new").param("kind", "STATIC").param("addresses", "not a site").with(csrf()));
		pages.forEach((page) -> page.with(user("admin").roles("ADMIN")));
		List<String> before = pages.stream().map(this::render).toList();
		for (int i = 0; i < RENDERS_UNTIL_COMPILED; i++) {
			pages.forEach(this::render);
		}
		for (int i = 0; i < pages.size(); i++) {
			assertThat(render(pages.get(i))).as("page %d", i).isEqualTo(before.get(i)).contains("</");
		}
	}

	private String render(MockHttpServletRequestBuilder page) {
		try {
			String html = this.mvc.perform(page).andReturn().getResponse().getContentAsString();
			// The CSRF token of a form changes with each request, and the header it goes
			// in
			// with the token store: once a request has used spring-security-test's
			// csrf(),
			// later ones get its session store's header instead of the cookie store's.
			return html.replaceAll(
					"(name=\"_csrf\" value=|name=\"csrf-token\" content=|name=\"csrf-header\" content=)\"[^\"]*\"",
					"$1\"\"");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
