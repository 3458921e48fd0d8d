package postern.reports;

import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Properties;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.eclipse.angus.mail.imap.IMAPFolder;

import postern.health.TlsTrust;

/**
 * The reports mailbox, open over IMAPS. Messages are read with {@code BODY.PEEK}, so a
 * message Postern leaves where it is stays unread; reports are moved, never deleted.
 */
final class ReportMailbox implements AutoCloseable {

	static final String PROCESSED = "Processed";

	static final String UNREADABLE = "Unreadable";

	private static final String PARENT = "Postern";

	private final Store store;

	private final IMAPFolder folder;

	private ReportMailbox(Store store, IMAPFolder folder) {
		this.store = store;
		this.folder = folder;
	}

	/**
	 * Log in and open the folder reports arrive in.
	 * @param settings the mailbox
	 * @param trust the trusted CAs
	 * @return the open mailbox
	 * @throws MessagingException when the server cannot be reached, refuses the login or
	 * has no such folder
	 * @throws GeneralSecurityException when TLS cannot be set up
	 */
	static ReportMailbox open(MailboxSettings settings, TlsTrust trust)
			throws MessagingException, GeneralSecurityException {
		Properties properties = new Properties();
		properties.put("mail.imaps.ssl.enable", "true");
		properties.put("mail.imaps.ssl.socketFactory", new NamedServerSocketFactory(trust, settings.certificateName()));
		properties.put("mail.imaps.ssl.socketFactory.fallback", "false");
		// the factory checks the certificate's name against the configured server name
		properties.put("mail.imaps.ssl.checkserveridentity", "false");
		properties.put("mail.imaps.connectiontimeout", "15000");
		properties.put("mail.imaps.timeout", "60000");
		properties.put("mail.imaps.writetimeout", "60000");
		properties.put("mail.imaps.peek", "true");
		Session session = Session.getInstance(properties);
		Store store = session.getStore("imaps");
		store.connect(settings.host(), settings.port(), settings.username(), settings.password());
		try {
			IMAPFolder folder = (IMAPFolder) store.getFolder(settings.folder());
			folder.open(Folder.READ_WRITE);
			return new ReportMailbox(store, folder);
		}
		catch (MessagingException | RuntimeException ex) {
			store.close();
			throw ex;
		}
	}

	/**
	 * Every message of the folder, with its envelope and structure fetched.
	 * @return the messages
	 * @throws MessagingException when the server fails
	 */
	List<Message> messages() throws MessagingException {
		Message[] messages = this.folder.getMessages();
		FetchProfile profile = new FetchProfile();
		profile.add(FetchProfile.Item.ENVELOPE);
		profile.add(FetchProfile.Item.FLAGS);
		profile.add(FetchProfile.Item.CONTENT_INFO);
		this.folder.fetch(messages, profile);
		return List.of(messages);
	}

	/**
	 * Move messages to {@code Postern/<name>}, made when missing.
	 * @param messages the messages
	 * @param name {@link #PROCESSED} or {@link #UNREADABLE}
	 * @throws MessagingException when the server fails
	 */
	void moveTo(List<Message> messages, String name) throws MessagingException {
		if (messages.isEmpty()) {
			return;
		}
		char separator = this.store.getDefaultFolder().getSeparator();
		Folder target = this.store.getFolder(PARENT + separator + name);
		if (!target.exists()) {
			target.create(Folder.HOLDS_MESSAGES);
		}
		this.folder.moveMessages(messages.toArray(Message[]::new), target);
	}

	@Override
	public void close() {
		try {
			if (this.folder.isOpen()) {
				this.folder.close(false);
			}
		}
		catch (MessagingException ex) {
			// the server may have closed the connection already
		}
		try {
			this.store.close();
		}
		catch (MessagingException ex) {
			// as above
		}
	}

}
