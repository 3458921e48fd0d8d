package postern.imports.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartResolver;

/**
 * An upload over {@code spring.servlet.multipart.max-file-size} (or
 * {@code max-request-size}) sends the admin back to the upload page, which says why. It
 * runs ahead of the security filters: Tomcat refuses to read any field of such a form,
 * the CSRF token included, and the CSRF check would otherwise end it on Tomcat's bare
 * error page. Nothing is done with the refused request but this redirect.
 */
final class ImportUploadLimitFilter extends OncePerRequestFilter {

	/** The parameter that tells the upload page the last file was too large. */
	static final String TOO_LARGE = "too-large";

	private final MultipartResolver multipart;

	ImportUploadLimitFilter(MultipartResolver multipart) {
		this.multipart = multipart;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (HttpMethod.POST.matches(request.getMethod()) && this.multipart.isMultipart(request)) {
			try {
				// parsed once here; Tomcat keeps the parts for the controller
				this.multipart.resolveMultipart(request);
			}
			catch (MaxUploadSizeExceededException ex) {
				response.setStatus(HttpStatus.SEE_OTHER.value());
				response.setHeader("Location", request.getContextPath() + "/import?" + TOO_LARGE);
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
