package postern.infrastructure;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Gives every link of a page its public URL, as Spring's
 * {@link ResourceUrlEncodingFilter} does (a WebJar's link gets its version:
 * {@code /webjars/htmx.org/dist/htmx.min.js} becomes
 * {@code /webjars/htmx.org/2.0.10/dist/htmx.min.js}), but asks the resource chain once
 * per path. The chain remembers only the paths it found: every link to a page (the
 * navigation, the forms) matches the static handler's {@code /**} and was looked up again
 * in each class-path location on every render, inside the jar, under the lock of its
 * opened-jar cache, which made every page wait on every other. Resources do not change
 * while the application runs, so an answer, found or not, stays true.
 */
final class ResourceLinkFilter extends ResourceUrlEncodingFilter {

	/**
	 * Paths remembered at most; past it the memory starts again, so links to an unbounded
	 * number of pages (one per mailbox, per alias) cost no more than before.
	 */
	static final int REMEMBERED_PATHS = 4096;

	private final Supplier<ResourceUrlProvider> provider;

	private final Map<String, Optional<String>> resolved = new ConcurrentHashMap<>();

	ResourceLinkFilter(Supplier<ResourceUrlProvider> provider) {
		this.provider = provider;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (!(request instanceof HttpServletRequest httpRequest)
				|| !(response instanceof HttpServletResponse httpResponse)) {
			throw new ServletException("Resource links are made for HTTP requests only");
		}
		chain.doFilter(request, new LinkEncodingResponse(httpRequest.getContextPath(), httpResponse));
	}

	/**
	 * The public URL of a link.
	 * @param contextPath the application's context path
	 * @param url the link as written in a template, with the context path
	 * @return the URL with the resource's public path, or the link unchanged when it
	 * leads to no static resource
	 */
	String resolve(String contextPath, String url) {
		if (!url.startsWith(contextPath + "/")) {
			return url;
		}
		int end = endOfPath(url);
		String path = url.substring(contextPath.length(), end);
		return publicPath(path).map((found) -> contextPath + found + url.substring(end)).orElse(url);
	}

	private Optional<String> publicPath(String path) {
		Optional<String> known = this.resolved.get(path);
		if (known != null) {
			return known;
		}
		Optional<String> found = Optional.ofNullable(this.provider.get().getForLookupPath(path));
		if (this.resolved.size() >= REMEMBERED_PATHS) {
			this.resolved.clear();
		}
		this.resolved.put(path, found);
		return found;
	}

	private static int endOfPath(String url) {
		int end = url.length();
		int query = url.indexOf('?');
		int fragment = url.indexOf('#');
		if (query >= 0) {
			end = query;
		}
		if (fragment >= 0 && fragment < end) {
			end = fragment;
		}
		return end;
	}

	private final class LinkEncodingResponse extends HttpServletResponseWrapper {

		private final String contextPath;

		LinkEncodingResponse(String contextPath, HttpServletResponse response) {
			super(response);
			this.contextPath = contextPath;
		}

		@Override
		public String encodeURL(String url) {
			return super.encodeURL(resolve(this.contextPath, url));
		}

	}

}
