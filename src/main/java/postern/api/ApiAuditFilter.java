package postern.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import postern.audit.AuditLog;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every API call, refused ones included: who (the token's admin and name, or the
 * logged-in admin), the method and path, and the status. Never a header, a query or a
 * body, so neither a token nor a password can reach the log.
 */
final class ApiAuditFilter extends OncePerRequestFilter {

	static final String ACTION = "api.call";

	private static final String ANONYMOUS = "anonymous";

	private final AuditLog auditLog;

	ApiAuditFilter(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean failed = true;
		try {
			chain.doFilter(request, response);
			failed = false;
		}
		finally {
			int status = failed ? 500 : response.getStatus();
			this.auditLog.recordAs(actor(), ACTION, request.getMethod() + " " + request.getRequestURI(), status < 400,
					"status " + status);
		}
	}

	private static String actor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| "anonymousUser".equals(authentication.getName())) {
			return ANONYMOUS;
		}
		return authentication.getName();
	}

}
