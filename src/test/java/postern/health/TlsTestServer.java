package postern.health;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A TLS server on 127.0.0.1 and a free port for tests: TLS from the first byte (IMAPS,
 * SMTPS), a minimal SMTP server that speaks STARTTLS (or does not offer it), or HTTPS
 * answering each Host with a fixed body. It may also listen on ::1 with the same port and
 * another certificate, as a host with two addresses.
 */
final class TlsTestServer implements AutoCloseable {

	private final ServerSocket socket;

	private final SSLContext context;

	private final Kind kind;

	private final Function<String, String> pages;

	private volatile boolean open = true;

	private ServerSocket ipv6;

	private TlsTestServer(TestCertificates.Server certificate, Kind kind, Function<String, String> pages) {
		try {
			this.socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.context = certificate.context();
		this.kind = kind;
		this.pages = pages;
		Thread thread = new Thread(() -> serve(this.socket, this.context), "tls-test-server");
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * A server of TLS from the first byte on 127.0.0.1 and on ::1, with the same port and
	 * a certificate each.
	 * @param onIpv4 the certificate served on 127.0.0.1
	 * @param onIpv6 the certificate served on ::1
	 * @return the server
	 */
	static TlsTestServer implicitOnBothLoopbacks(TestCertificates.Server onIpv4, TestCertificates.Server onIpv6) {
		for (int attempt = 0; attempt < 20; attempt++) {
			TlsTestServer server = implicit(onIpv4);
			try {
				server.ipv6 = new ServerSocket(server.port(), 50, InetAddress.getByName("::1"));
			}
			catch (IOException ex) {
				server.close();
				continue;
			}
			SSLContext context = onIpv6.context();
			Thread thread = new Thread(() -> server.serve(server.ipv6, context), "tls-test-server-ipv6");
			thread.setDaemon(true);
			thread.start();
			return server;
		}
		throw new IllegalStateException("No port free on both 127.0.0.1 and ::1");
	}

	static TlsTestServer implicit(TestCertificates.Server certificate) {
		return new TlsTestServer(certificate, Kind.IMPLICIT, null);
	}

	static TlsTestServer smtp(TestCertificates.Server certificate) {
		return new TlsTestServer(certificate, Kind.SMTP, null);
	}

	static TlsTestServer smtpWithoutStartTls(TestCertificates.Server certificate) {
		return new TlsTestServer(certificate, Kind.SMTP_PLAIN, null);
	}

	/**
	 * A submission server: STARTTLS, AUTH PLAIN, then it keeps each message it receives.
	 * @param certificate its certificate
	 * @param received where each message (and the AUTH line) goes
	 * @return the server
	 */
	static TlsTestServer submission(TestCertificates.Server certificate, java.util.List<String> received) {
		TlsTestServer server = new TlsTestServer(certificate, Kind.SUBMISSION, null);
		server.received = received;
		return server;
	}

	private java.util.List<String> received;

	static TlsTestServer https(TestCertificates.Server certificate, Map<String, String> bodyByHost) {
		return new TlsTestServer(certificate, Kind.HTTPS, bodyByHost::get);
	}

	/**
	 * An HTTPS server that keeps each connection open after its answer (a Content-Length
	 * gives its end) until the client closes it, despite the request's
	 * {@code Connection: close}.
	 * @param certificate its certificate
	 * @param bodyByHost the body answered to each Host
	 * @return the server
	 */
	static TlsTestServer httpsKeepingOpen(TestCertificates.Server certificate, Map<String, String> bodyByHost) {
		return new TlsTestServer(certificate, Kind.HTTPS_KEEP_OPEN, bodyByHost::get);
	}

	int port() {
		return this.socket.getLocalPort();
	}

	private void serve(ServerSocket listening, SSLContext context) {
		while (this.open) {
			try {
				Socket client = listening.accept();
				Thread thread = new Thread(() -> handle(client, context), "tls-test-connection");
				thread.setDaemon(true);
				thread.start();
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private void handle(Socket client, SSLContext context) {
		try (client) {
			client.setSoTimeout(10_000);
			// as maddy and Caddy do (Go turns Nagle's algorithm off on every TCP
			// connection): otherwise each flight the server writes in several parts waits
			// 40 ms for the client's delayed acknowledgement
			client.setTcpNoDelay(true);
			Socket secured = client;
			if (this.kind == Kind.SMTP || this.kind == Kind.SMTP_PLAIN || this.kind == Kind.SUBMISSION) {
				BufferedReader in = new BufferedReader(
						new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
				OutputStream out = client.getOutputStream();
				write(out, "220 mx1.example.test ESMTP test\r\n");
				while (true) {
					String line = in.readLine();
					if (line == null) {
						return;
					}
					String command = line.toUpperCase(Locale.ROOT);
					if (command.startsWith("EHLO")) {
						write(out,
								(this.kind != Kind.SMTP_PLAIN)
										? "250-mx1.example.test\r\n250-PIPELINING\r\n250 STARTTLS\r\n"
										: "250-mx1.example.test\r\n250 PIPELINING\r\n");
					}
					else if (command.startsWith("STARTTLS") && this.kind != Kind.SMTP_PLAIN) {
						write(out, "220 Ready to start TLS\r\n");
						break;
					}
					else if (command.startsWith("QUIT")) {
						write(out, "221 Bye\r\n");
						return;
					}
					else {
						write(out, "502 Not implemented\r\n");
					}
				}
			}
			SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(secured, null, client.getPort(), true);
			tls.setUseClientMode(false);
			tls.startHandshake();
			if (this.kind == Kind.HTTPS) {
				answerHttp(tls);
			}
			else if (this.kind == Kind.HTTPS_KEEP_OPEN) {
				answerHttp(tls);
				tls.getInputStream().read();
			}
			else if (this.kind == Kind.SUBMISSION) {
				receiveMail(tls);
			}
			else {
				write(tls.getOutputStream(), "* OK ready\r\n");
				tls.getInputStream().read();
			}
		}
		catch (IOException ex) {
			// the client went away, or refused the certificate
		}
	}

	private void answerHttp(SSLSocket tls) throws IOException {
		BufferedReader in = new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.US_ASCII));
		String host = null;
		String line;
		while ((line = in.readLine()) != null && !line.isEmpty()) {
			if (line.toLowerCase(Locale.ROOT).startsWith("host:")) {
				host = line.substring(5).strip();
			}
		}
		String body = (host != null) ? this.pages.apply(host) : null;
		OutputStream out = tls.getOutputStream();
		if (body == null) {
			write(out, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
			return;
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		write(out, "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + bytes.length
				+ "\r\nConnection: close\r\n\r\n");
		out.write(bytes);
		out.flush();
	}

	private void receiveMail(SSLSocket tls) throws IOException {
		BufferedReader in = new BufferedReader(new InputStreamReader(tls.getInputStream(), StandardCharsets.UTF_8));
		OutputStream out = tls.getOutputStream();
		String line;
		while ((line = in.readLine()) != null) {
			String command = line.toUpperCase(Locale.ROOT);
			if (command.startsWith("EHLO")) {
				write(out, "250-mx1.example.test\r\n250 AUTH PLAIN\r\n");
			}
			else if (command.startsWith("AUTH PLAIN ")) {
				this.received.add(line);
				write(out, "235 Authenticated\r\n");
			}
			else if (command.startsWith("MAIL") || command.startsWith("RCPT")) {
				this.received.add(line);
				write(out, "250 OK\r\n");
			}
			else if (command.equals("DATA")) {
				write(out, "354 Go on\r\n");
				StringBuilder message = new StringBuilder();
				String data;
				while ((data = in.readLine()) != null && !data.equals(".")) {
					message.append(data).append('\n');
				}
				this.received.add(message.toString());
				write(out, "250 Queued\r\n");
			}
			else if (command.equals("QUIT")) {
				write(out, "221 Bye\r\n");
				return;
			}
			else {
				write(out, "502 Not implemented\r\n");
			}
		}
	}

	private static void write(OutputStream out, String text) throws IOException {
		out.write(text.getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	@Override
	public void close() {
		this.open = false;
		try {
			this.socket.close();
			if (this.ipv6 != null) {
				this.ipv6.close();
			}
		}
		catch (IOException ex) {
			// already closed
		}
	}

	private enum Kind {

		IMPLICIT, SMTP, SMTP_PLAIN, SUBMISSION, HTTPS, HTTPS_KEEP_OPEN

	}

}
