package postern.reports;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/**
 * Report mails in the shapes large receivers send, built from the fixtures: a text part
 * saying what the report is, and the report attached.
 */
public final class ReportMails {

	private static final Session SESSION = Session.getInstance(new Properties());

	private ReportMails() {
	}

	/**
	 * Every mail of a mailbox that receives reports, in the order they arrive: two DMARC
	 * reports (zip, gzip), one of them again, two TLS reports (gzip JSON, plain JSON), a
	 * report cut short, an ordinary mail, an external entity and a compression bomb.
	 * @param day the day the reports cover
	 * @return the mails
	 * @throws MessagingException when a mail cannot be built
	 */
	public static Message[] mailbox(LocalDate day) throws MessagingException {
		return new Message[] { googleDmarc(day), microsoftDmarc(day), googleDmarc(day),
				report("Report Domain: example.org Submitter: google.com Report-ID: <tls-1>",
						"noreply-smtp-tls-reporting@google.com", "google.com!example.org!1!2!001.json.gz",
						"application/tlsrpt+gzip",
						ReportFixtures.gzip(ReportFixtures.dated("tlsrpt-google.json", day))),
				report("Report Domain: example.org Submitter: microsoft.com", "tlsrpt-noreply@microsoft.com",
						"microsoft.com!example.org!1!2.json", "application/tlsrpt+json",
						ReportFixtures.dated("tlsrpt-microsoft.json", day)),
				report("Report domain: example.org Submitter: cut.example", "dmarc@cut.example", "cut.example.xml",
						"text/xml", ReportFixtures.read("dmarc-cut-short.xml")),
				ordinary(),
				report("Report domain: example.org Submitter: entity.example", "dmarc@entity.example",
						"entity.example.xml", "application/xml", ReportFixtures.read("dmarc-external-entity.xml")),
				report("Report domain: example.org Submitter: bomb.example", "dmarc@bomb.example",
						"bomb.example!example.org!1!2.xml.gz", "application/gzip", ReportFixtures.gzipBomb()) };
	}

	static MimeMessage googleDmarc(LocalDate day) throws MessagingException {
		return report("Report domain: example.org Submitter: google.com Report-ID: 7912345678901234567",
				"noreply-dmarc-support@google.com", "google.com!example.org!1796428800!1796515199.zip",
				"application/zip", ReportFixtures.zip("google.com!example.org!1796428800!1796515199.xml",
						ReportFixtures.dated("dmarc-google.xml", day)));
	}

	static MimeMessage microsoftDmarc(LocalDate day) throws MessagingException {
		return report("Report Domain: example.org Submitter: enterprise.protection.outlook.com",
				"dmarcreport@microsoft.com", "enterprise.protection.outlook.com!example.org!1!2.xml.gz",
				"application/gzip", ReportFixtures.gzip(ReportFixtures.dated("dmarc-microsoft.xml", day)));
	}

	/**
	 * A mail that is not a report.
	 * @return the mail
	 * @throws MessagingException when it cannot be built
	 */
	public static MimeMessage ordinary() throws MessagingException {
		MimeMessage message = new MimeMessage(SESSION);
		message.setFrom(new InternetAddress("friend@example.net"));
		message.setRecipients(Message.RecipientType.TO, TestDovecot.USER);
		message.setSubject("Lunch on Friday?");
		message.setText("Shall we meet at noon?", StandardCharsets.UTF_8.name());
		message.saveChanges();
		return message;
	}

	static MimeMessage report(String subject, String from, String fileName, String contentType, byte[] content)
			throws MessagingException {
		MimeMessage message = new MimeMessage(SESSION);
		message.setFrom(new InternetAddress(from));
		message.setRecipients(Message.RecipientType.TO, TestDovecot.USER);
		message.setSubject(subject);
		MimeBodyPart text = new MimeBodyPart();
		text.setText("This is an aggregate report from " + from + ".", StandardCharsets.UTF_8.name());
		MimeBodyPart attachment = new MimeBodyPart();
		attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(content, contentType)));
		attachment.setFileName(fileName);
		attachment.setHeader("Content-Type", contentType + "; name=\"" + fileName + "\"");
		MimeMultipart multipart = new MimeMultipart("mixed");
		multipart.addBodyPart(text);
		multipart.addBodyPart(attachment);
		message.setContent(multipart);
		message.saveChanges();
		return message;
	}

}
