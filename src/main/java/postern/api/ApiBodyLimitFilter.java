package postern.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps an API request's body within {@code postern.api.max-body-size}: a declared
 * {@code Content-Length} over it is refused with 413 before a byte of the body is read; a
 * body without one (chunked) is read through a count that fails at the first byte past
 * the limit, which the API's exception handler turns into the same 413. Either way the
 * JVM never holds more than the limit of one body.
 */
final class ApiBodyLimitFilter extends OncePerRequestFilter {

	private final DataSize limit;

	ApiBodyLimitFilter(DataSize limit) {
		this.limit = limit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.limit.toBytes()) {
			ApiErrorResponses.tooLarge(response, BodyTooLargeException.message(this.limit));
			return;
		}
		try {
			chain.doFilter(new LimitedRequest(request, this.limit), response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			// read outside a handler the exception advice covers
			if (!causedByTheLimit(ex) || response.isCommitted()) {
				throw ex;
			}
			response.reset();
			ApiErrorResponses.tooLarge(response, BodyTooLargeException.message(this.limit));
		}
	}

	/**
	 * Whether a failure comes from a body over the limit.
	 * @param failure a failure
	 * @return {@code true} when a {@link BodyTooLargeException} is among its causes
	 */
	static boolean causedByTheLimit(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLargeException) {
				return true;
			}
		}
		return false;
	}

	/** The request with its body read through the count. */
	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final DataSize limit;

		private ServletInputStream body;

		LimitedRequest(HttpServletRequest request, DataSize limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.body == null) {
				this.body = new LimitedInputStream(super.getInputStream(), this.limit);
			}
			return this.body;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			// the servlet specification's default when the request names none
			Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

	}

	/**
	 * A body that fails once more than the limit was read. It never asks for more than
	 * one byte past the limit, so a body of any size costs at most the limit.
	 */
	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream body;

		private final DataSize limit;

		private long read;

		LimitedInputStream(ServletInputStream body, DataSize limit) {
			this.body = body;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int next = this.body.read();
			if (next != -1) {
				counted(1);
			}
			return next;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			long allowed = this.limit.toBytes() - this.read + 1;
			int count = this.body.read(buffer, offset, (int) Math.min(length, allowed));
			if (count > 0) {
				counted(count);
			}
			return count;
		}

		private void counted(int count) throws BodyTooLargeException {
			this.read += count;
			if (this.read > this.limit.toBytes()) {
				throw new BodyTooLargeException(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.body.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.body.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.body.setReadListener(listener);
		}

	}

}
