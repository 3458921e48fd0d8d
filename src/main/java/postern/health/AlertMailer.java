package postern.health;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import postern.PosternProperties;

/**
 * Sends one plain-text mail through a submission account: STARTTLS (the server's
 * certificate must be valid for its name before the password is sent), AUTH PLAIN, then
 * the message.
 */
class AlertMailer {

	private final PosternProperties.AlertMail account;

	private final TlsTrust trust;

	AlertMailer(PosternProperties.AlertMail account, TlsTrust trust) {
		this.account = account;
		this.trust = trust;
	}

	/**
	 * Send a mail.
	 * @param subject the subject
	 * @param lines the body's lines
	 * @throws IOException when the server refuses it or cannot be reached
	 */
	void send(String subject, List<String> lines) throws IOException {
		String host = this.account.host().strip();
		// a probe of its own per mail: the certificate is judged afresh every time
		TlsProbe probe = new TlsProbe(this.trust, Duration.ofSeconds(10), Duration.ofSeconds(30));
		try (TlsProbe.Session session = probe.open(host, InetAddress.getByName(host), this.account.port(),
				TlsProbe.Mode.SMTP_STARTTLS)) {
			TlsProbeResult tls = session.result();
			X509Check.require(tls, host);
			BufferedReader in = new BufferedReader(
					new InputStreamReader(session.socket().getInputStream(), StandardCharsets.UTF_8));
			OutputStream out = session.socket().getOutputStream();
			command(in, out, "EHLO postern.invalid", "250");
			if (this.account.username() != null && !this.account.username().isBlank()) {
				String plain = Base64.getEncoder()
					.encodeToString(("\0" + this.account.username() + "\0" + this.account.password())
						.getBytes(StandardCharsets.UTF_8));
				command(in, out, "AUTH PLAIN " + plain, "235");
			}
			command(in, out, "MAIL FROM:<" + clean(this.account.from()) + ">", "250");
			command(in, out, "RCPT TO:<" + clean(this.account.to()) + ">", "250");
			command(in, out, "DATA", "354");
			StringBuilder message = new StringBuilder();
			message.append("From: ").append(clean(this.account.from())).append("\r\n");
			message.append("To: ").append(clean(this.account.to())).append("\r\n");
			message.append("Subject: ").append(clean(subject)).append("\r\n");
			message.append("Date: ")
				.append(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ENGLISH)))
				.append("\r\n");
			message.append("Message-ID: <").append(UUID.randomUUID()).append("@postern.invalid>\r\n");
			message.append("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n");
			message.append("Content-Transfer-Encoding: 8bit\r\n\r\n");
			for (String line : lines) {
				String text = clean(line);
				message.append(text.startsWith(".") ? "." + text : text).append("\r\n");
			}
			command(in, out, message + ".", "250");
			command(in, out, "QUIT", "221");
		}
	}

	private static String clean(String text) {
		return (text != null) ? text.replaceAll("[\\r\\n]+", " ") : "";
	}

	private static void command(BufferedReader in, OutputStream out, String line, String expected) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
		StringBuilder reply = new StringBuilder();
		String read;
		do {
			read = in.readLine();
			if (read == null) {
				throw new IOException("connection closed by the server");
			}
			reply.append(read).append('\n');
		}
		while (read.length() > 3 && read.charAt(3) == '-');
		if (!reply.toString().startsWith(expected)) {
			String sent = line.startsWith("AUTH") ? "AUTH" : line.lines().findFirst().orElse(line);
			throw new IOException(sent + " answered " + reply.toString().strip());
		}
	}

	/**
	 * The certificate of the submission server must be trusted and name it.
	 */
	static final class X509Check {

		private X509Check() {
		}

		static void require(TlsProbeResult tls, String host) throws IOException {
			if (tls.trustProblem() != null) {
				throw new IOException("certificate of " + host + " not trusted: " + tls.trustProblem());
			}
			if (tls.leaf().filter((leaf) -> TlsProbeResult.names(leaf, host)).isEmpty()) {
				throw new IOException("certificate does not name " + host);
			}
		}

	}

}
