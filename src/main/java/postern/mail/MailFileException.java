package postern.mail;

import java.util.List;

/**
 * A mail file (maddy.conf, aliases) Postern cannot read, or an edit it cannot make, with
 * the message key and arguments that say why.
 */
public class MailFileException extends RuntimeException {

	private final String messageKey;

	private final List<String> arguments;

	public MailFileException(String messageKey, String... arguments) {
		super(messageKey + " " + String.join(" ", arguments));
		this.messageKey = messageKey;
		this.arguments = List.of(arguments);
	}

	public String messageKey() {
		return this.messageKey;
	}

	public List<String> arguments() {
		return this.arguments;
	}

}
