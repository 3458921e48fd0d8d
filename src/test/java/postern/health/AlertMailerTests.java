package postern.health;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import postern.PosternProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Alerts mailed through a submission server on loopback that speaks STARTTLS and AUTH
 * PLAIN: the message arrives whole; a server whose certificate is not trusted never sees
 * the password.
 */
class AlertMailerTests {

	static final TestCertificates CERTIFICATES = new TestCertificates();

	@TempDir
	Path folder;

	@Test
	void alertIsSentAfterStartTlsAndLogin() throws Exception {
		List<String> received = new CopyOnWriteArrayList<>();
		try (TlsTestServer server = TlsTestServer.submission(CERTIFICATES.valid("localhost"), received)) {
			mailer(server).send("Postern health: 1 problem(s)", List.of("xoyize.xyz: no SPF record", ".dot"));
		}
		assertThat(received.get(0)).isEqualTo("AUTH PLAIN " + Base64.getEncoder()
			.encodeToString("\0alerts@xoyize.xyz\0secret password".getBytes(StandardCharsets.UTF_8)));
		assertThat(received).contains("MAIL FROM:<alerts@xoyize.xyz>", "RCPT TO:<admin@xoyize.xyz>");
		assertThat(received.get(received.size() - 1)).contains("Subject: Postern health: 1 problem(s)")
			.contains("xoyize.xyz: no SPF record\n..dot");
	}

	@Test
	void untrustedServerNeverGetsThePassword() {
		List<String> received = new CopyOnWriteArrayList<>();
		try (TlsTestServer server = TlsTestServer.submission(
				CERTIFICATES.server(TestCertificates.days(-1), TestCertificates.days(30), true, "localhost"),
				received)) {
			assertThatExceptionOfType(IOException.class)
				.isThrownBy(() -> mailer(server).send("subject", List.of("line")))
				.withMessageContaining("not trusted");
		}
		assertThat(received).isEmpty();
	}

	private AlertMailer mailer(TlsTestServer server) {
		PosternProperties.AlertMail account = new PosternProperties.AlertMail("localhost", server.port(),
				"alerts@xoyize.xyz", "secret password", "alerts@xoyize.xyz", "admin@xoyize.xyz");
		return new AlertMailer(account, TlsTrust.withExtra(CERTIFICATES.writeCa(this.folder.resolve("ca.pem"))));
	}

}
