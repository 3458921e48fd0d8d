package postern.infrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The links of a page through {@link ResourceLinkFilter}, over the same resource handlers
 * as the application's (the WebJars and the static files of the class path): a WebJar's
 * link carries its version, a static file's and a page's stay as written, and the
 * resource chain is asked once per path however many pages are rendered.
 */
class ResourceLinkFilterTests {

	private static final String HTMX = "/webjars/htmx.org/dist/htmx.min.js";

	private final AtomicInteger lookups = new AtomicInteger();

	private ResourceLinkFilter filter;

	@BeforeEach
	void resourceHandlersAsTheApplicationHasThem() throws Exception {
		ResourceUrlProvider provider = new ResourceUrlProvider();
		provider.setHandlerMap(Map.of("/webjars/**",
				handler("META-INF/resources/webjars/", new LiteWebJarsResourceResolver(), new PathResourceResolver()),
				"/**", handler("static/", new PathResourceResolver())));
		this.filter = new ResourceLinkFilter(() -> provider);
	}

	@Test
	void webJarLinkCarriesItsVersionAndOtherLinksStayAsWritten() throws Exception {
		List<String> links = render("", HTMX, "/css/postern.css", "/domains?q=a#list", "?lang=fr",
				"https://example.org/x");

		assertThat(links.get(0)).matches("/webjars/htmx\\.org/[0-9][^/]*/dist/htmx\\.min\\.js");
		assertThat(links.subList(1, links.size())).containsExactly("/css/postern.css", "/domains?q=a#list", "?lang=fr",
				"https://example.org/x");
	}

	@Test
	void linkKeepsTheContextPathItsQueryAndItsFragment() throws Exception {
		List<String> links = render("/admin", "/admin" + HTMX + "?v=1#top", "/admin/domains");

		assertThat(links.get(0)).startsWith("/admin/webjars/htmx.org/").endsWith("/dist/htmx.min.js?v=1#top");
		assertThat(links.get(1)).isEqualTo("/admin/domains");
	}

	@Test
	void eachPathIsLookedUpOnceForManyPages() throws Exception {
		List<String> first = render("", HTMX, "/domains", "/aliases", "/css/postern.css");
		int lookupsOfOnePage = this.lookups.get();

		for (int i = 0; i < 20; i++) {
			assertThat(render("", HTMX, "/domains", "/aliases", "/css/postern.css")).isEqualTo(first);
		}

		assertThat(lookupsOfOnePage).isEqualTo(4);
		assertThat(this.lookups.get()).isEqualTo(lookupsOfOnePage);
	}

	@Test
	void pathsPastTheLimitAreLookedUpAgainRatherThanKeptForever() throws Exception {
		for (int i = 0; i < ResourceLinkFilter.REMEMBERED_PATHS; i++) {
			render("", "/aliases/a" + i + "@example.org/edit");
		}
		render("", "/domains");
		int before = this.lookups.get();

		render("", "/aliases/a0@example.org/edit");

		assertThat(this.lookups.get()).isEqualTo(before + 1);
	}

	/**
	 * Render a page that writes links, as Thymeleaf does: through the response's
	 * {@code encodeURL}.
	 */
	private List<String> render(String contextPath, String... links) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", contextPath + "/");
		request.setContextPath(contextPath);
		List<String> encoded = new ArrayList<>();
		this.filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
			for (String link : links) {
				encoded.add(((HttpServletResponse) res).encodeURL(link));
			}
		});
		return encoded;
	}

	private ResourceHttpRequestHandler handler(String location, ResourceResolver... resolvers) throws Exception {
		ResourceHttpRequestHandler handler = new ResourceHttpRequestHandler();
		List<ResourceResolver> chain = new ArrayList<>();
		chain.add(new CountingResolver());
		chain.addAll(List.of(resolvers));
		handler.setResourceResolvers(chain);
		handler.setLocations(List.<Resource>of(new ClassPathResource(location)));
		handler.afterPropertiesSet();
		return handler;
	}

	/**
	 * Counts the URL lookups that reach the resource chain.
	 */
	private final class CountingResolver extends AbstractResourceResolver {

		@Override
		protected Resource resolveResourceInternal(jakarta.servlet.http.HttpServletRequest request, String requestPath,
				List<? extends Resource> locations, ResourceResolverChain chain) {
			return chain.resolveResource(request, requestPath, locations);
		}

		@Override
		protected String resolveUrlPathInternal(String resourceUrlPath, List<? extends Resource> locations,
				ResourceResolverChain chain) {
			ResourceLinkFilterTests.this.lookups.incrementAndGet();
			return chain.resolveUrlPath(resourceUrlPath, locations);
		}

	}

}
