package postern.health;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Fetches {@code https://mta-sts.<domain>/.well-known/mta-sts.txt} over a connection to
 * an address found with dnsjava: TLS with SNI, then a plain HTTP/1.1 request with the
 * host's name. Redirects are not followed (the RFC forbids them).
 */
class MtaStsFetch {

	private static final int MAX_BYTES = 64 * 1024;

	private final TlsProbe probe;

	MtaStsFetch(TlsProbe probe) {
		this.probe = probe;
	}

	/**
	 * Fetch a policy.
	 * @param host {@code mta-sts.<domain>}
	 * @param address its address
	 * @param port the HTTPS port
	 * @return what happened
	 */
	Fetched fetch(String host, InetAddress address, int port) {
		try (TlsProbe.Session session = this.probe.open(host, address, port, TlsProbe.Mode.IMPLICIT)) {
			OutputStream out = session.socket().getOutputStream();
			out.write(("GET /.well-known/mta-sts.txt HTTP/1.1\r\nHost: " + host
					+ "\r\nUser-Agent: Postern health check\r\nAccept: text/plain\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			byte[] response = readResponse(session.socket().getInputStream());
			return parse(session.result(), new String(response, StandardCharsets.ISO_8859_1));
		}
		catch (SocketTimeoutException ex) {
			return new Fetched(TlsProbeResult.failed(host, port, true, "no answer in time"), 0, null, null);
		}
		catch (IOException ex) {
			return new Fetched(
					TlsProbeResult.failed(host, port, false, ex.getClass().getSimpleName() + ": " + ex.getMessage()), 0,
					null, null);
		}
	}

	static Fetched parse(TlsProbeResult tls, String response) {
		int headerEnd = response.indexOf("\r\n\r\n");
		String head = (headerEnd < 0) ? response : response.substring(0, headerEnd);
		String body = (headerEnd < 0) ? "" : response.substring(headerEnd + 4);
		String[] lines = head.split("\r\n");
		int status = 0;
		String[] statusLine = lines[0].split(" ");
		if (statusLine.length > 1 && statusLine[1].matches("\\d{3}")) {
			status = Integer.parseInt(statusLine[1]);
		}
		String contentType = null;
		boolean chunked = false;
		for (int i = 1; i < lines.length; i++) {
			String line = lines[i].toLowerCase(Locale.ROOT);
			if (line.startsWith("content-type:")) {
				contentType = lines[i].substring("content-type:".length()).strip();
			}
			if (line.startsWith("transfer-encoding:") && line.contains("chunked")) {
				chunked = true;
			}
		}
		if (chunked) {
			body = unchunk(body);
		}
		byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
		return new Fetched(tls, status, contentType, new String(bytes, StandardCharsets.UTF_8));
	}

	private static String unchunk(String body) {
		StringBuilder out = new StringBuilder();
		int at = 0;
		while (at < body.length()) {
			int lineEnd = body.indexOf("\r\n", at);
			if (lineEnd < 0) {
				break;
			}
			String size = body.substring(at, lineEnd).split(";")[0].strip();
			int length = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
			if (length == 0) {
				break;
			}
			out.append(body, lineEnd + 2, Math.min(body.length(), lineEnd + 2 + length));
			at = lineEnd + 2 + length + 2;
		}
		return out.toString();
	}

	/**
	 * Read a response up to the end of its body. With a Content-Length, reading stops
	 * there rather than at the server's close: the fetch ends the run's longest chain,
	 * and waiting for the close would add the server's next turn on a busy machine, or a
	 * read timeout if it keeps the connection open. Without one (chunked), it reads until
	 * the server closes.
	 */
	static byte[] readResponse(InputStream in) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		int read;
		while (out.size() < MAX_BYTES && !complete(out.toByteArray()) && (read = in.read(buffer)) >= 0) {
			out.write(buffer, 0, read);
		}
		return out.toByteArray();
	}

	/**
	 * Whether a response read so far has its head and as many bytes of body as its
	 * Content-Length gives.
	 */
	static boolean complete(byte[] response) {
		String text = new String(response, StandardCharsets.ISO_8859_1);
		int headerEnd = text.indexOf("\r\n\r\n");
		if (headerEnd < 0) {
			return false;
		}
		long length = -1;
		for (String line : text.substring(0, headerEnd).split("\r\n")) {
			String lower = line.toLowerCase(Locale.ROOT);
			if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
				return false;
			}
			if (lower.startsWith("content-length:")) {
				try {
					length = Long.parseLong(line.substring("content-length:".length()).strip());
				}
				catch (NumberFormatException ex) {
					return false;
				}
			}
		}
		return length >= 0 && response.length - (headerEnd + 4) >= length;
	}

	/**
	 * The outcome of a fetch.
	 *
	 * @param tls the TLS session (its chain and trust)
	 * @param status the HTTP status, 0 when none
	 * @param contentType the Content-Type header, or {@code null}
	 * @param body the body, or {@code null} when nothing was read
	 */
	record Fetched(TlsProbeResult tls, int status, String contentType, String body) {
	}

}
