package postern.mail;

import java.util.Locale;
import java.util.Optional;

import postern.names.Addresses;

import org.springframework.stereotype.Service;
import org.springframework.validation.Errors;

/**
 * The rules of a new mailbox beyond a form's annotations, the same for the pages and the
 * API: a local domain, an acceptable address and password.
 */
@Service
public class NewMailboxRules {

	private final MailDomains domains;

	NewMailboxRules(MailDomains domains) {
		this.domains = domains;
	}

	/**
	 * The address to create, or the refused fields ({@code domain}, {@code localPart},
	 * {@code password}, {@code passwordConfirm}) in {@code errors}.
	 * @param localPart the local part as typed
	 * @param domain the domain as typed or chosen
	 * @param password the password
	 * @param confirm the password typed again
	 * @param errors the errors of the annotations, where the new ones go by field
	 * @return the address, or empty when {@code errors} has errors
	 */
	public Optional<String> check(String localPart, String domain, String password, String confirm, Errors errors) {
		Optional<String> local = Optional.empty();
		if (!errors.hasFieldErrors("domain")) {
			local = Addresses.domain(domain).filter(this::isLocal);
			if (local.isEmpty()) {
				errors.rejectValue("domain", "mailboxes.domain.not-local");
			}
		}
		String name = errors.hasFieldErrors("localPart") ? null : localPart.toLowerCase(Locale.ROOT);
		checkPassword(password, confirm, name, errors);
		if (errors.hasErrors() || name == null || local.isEmpty()) {
			return Optional.empty();
		}
		Optional<String> address = Addresses.address(name, local.get());
		if (address.isEmpty()) {
			errors.rejectValue("localPart", "mailboxes.localPart.invalid");
		}
		return address;
	}

	/**
	 * Refuse a password that breaks a rule of {@link Mailboxes#passwordProblems}, or that
	 * was not typed the same twice.
	 * @param password the password
	 * @param confirm the password typed again
	 * @param localPart the mailbox's local part, or {@code null} when unknown
	 * @param errors where the errors go, on {@code password} and {@code passwordConfirm}
	 */
	public static void checkPassword(String password, String confirm, String localPart, Errors errors) {
		for (String problem : Mailboxes.passwordProblems(password, localPart)) {
			errors.rejectValue("password", problem,
					new Object[] { Mailboxes.MIN_PASSWORD_BYTES, Mailboxes.MAX_PASSWORD_BYTES }, null);
		}
		if (password != null && !password.isEmpty() && !password.equals(confirm)) {
			errors.rejectValue("passwordConfirm", "mailboxes.password.mismatch");
		}
	}

	private boolean isLocal(String domain) {
		try {
			return this.domains.isLocal(domain);
		}
		catch (MailFileException ex) {
			return false;
		}
	}

}
