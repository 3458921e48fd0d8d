package postern.api;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The API's answers to a refused call, as JSON instead of a login page: 401 with
 * {@code WWW-Authenticate: Bearer} without a valid token, 403 when the token's scope (or
 * a missing CSRF token on a browser call) does not allow it, 413 for a body over
 * {@code postern.api.max-body-size}.
 */
final class ApiErrorResponses {

	/** The {@code error} code of a body over the limit. */
	static final String TOO_LARGE = "too-large";

	private ApiErrorResponses() {
	}

	static AuthenticationEntryPoint unauthorized() {
		return (request, response, ex) -> {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"postern\"");
			write(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized",
					"An API token is needed: Authorization: Bearer <token>");
		};
	}

	static AccessDeniedHandler forbidden() {
		return (request, response, ex) -> write(response, HttpServletResponse.SC_FORBIDDEN, "forbidden",
				"Not allowed: a read token cannot write, and a browser call needs its CSRF token");
	}

	/**
	 * Refuse a body over the API's limit. The connection is closed after the answer, so
	 * the rest of the body is never read.
	 * @param response the response
	 * @param message what the limit is
	 * @throws IOException when the answer cannot be written
	 */
	static void tooLarge(HttpServletResponse response, String message) throws IOException {
		response.setHeader(HttpHeaders.CONNECTION, "close");
		write(response, HttpStatus.CONTENT_TOO_LARGE.value(), TOO_LARGE, message);
	}

	private static void write(HttpServletResponse response, int status, String error, String message)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter()
			.write("{\"status\":" + status + ",\"error\":\"" + error + "\",\"message\":\"" + message + "\"}");
	}

}
