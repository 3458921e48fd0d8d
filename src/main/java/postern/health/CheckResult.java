package postern.health;

import java.util.List;

/**
 * The result of one check.
 *
 * @param subject what was checked: a mail domain, the MX host or a site
 * @param check the check's id, e.g. {@code spf}
 * @param verdict the outcome
 * @param messageKey the sentence saying what was found
 * @param arguments the sentence's arguments
 * @param fix the exact record (or setting) that fixes the problem, or {@code null}
 * @param detail what was seen, such as the raw records or the certificate, or
 * {@code null}
 * @param address the address of the subject the check was made at, when it is made at
 * each of them (TLS, PTR), else {@code null}: with the subject and the check, what tells
 * one result's history from another's
 * @param mtaStsSeen for the {@code mta-sts} check, the policy and id the run saw, else
 * {@code null}
 */
public record CheckResult(String subject, String check, Verdict verdict, String messageKey, List<String> arguments,
		String fix, String detail, String address, MtaStsSeen mtaStsSeen) {

	public CheckResult {
		arguments = List.copyOf(arguments);
	}

	/**
	 * A result of a check, made at one address or once for its subject.
	 * @param subject what was checked
	 * @param check the check's id
	 * @param verdict the outcome
	 * @param messageKey the sentence
	 * @param arguments its arguments
	 * @param fix the fixing record, or {@code null}
	 * @param detail what was seen, or {@code null}
	 * @param address the address it was made at, or {@code null}
	 */
	public CheckResult(String subject, String check, Verdict verdict, String messageKey, List<String> arguments,
			String fix, String detail, String address) {
		this(subject, check, verdict, messageKey, arguments, fix, detail, address, null);
	}

	/**
	 * A result of a check made once for its subject.
	 * @param subject what was checked
	 * @param check the check's id
	 * @param verdict the outcome
	 * @param messageKey the sentence
	 * @param arguments its arguments
	 * @param fix the fixing record, or {@code null}
	 * @param detail what was seen, or {@code null}
	 */
	public CheckResult(String subject, String check, Verdict verdict, String messageKey, List<String> arguments,
			String fix, String detail) {
		this(subject, check, verdict, messageKey, arguments, fix, detail, null);
	}

	static CheckResult of(String subject, String check, Verdict verdict, String messageKey, Object... arguments) {
		return new CheckResult(subject, check, verdict, messageKey,
				java.util.Arrays.stream(arguments).map(String::valueOf).toList(), null, null);
	}

	/**
	 * This result with the record that fixes it.
	 * @param fix the record
	 * @return a copy
	 */
	CheckResult withFix(String fix) {
		return new CheckResult(this.subject, this.check, this.verdict, this.messageKey, this.arguments, fix,
				this.detail, this.address, this.mtaStsSeen);
	}

	/**
	 * This result with what was seen.
	 * @param detail the raw data
	 * @return a copy
	 */
	CheckResult withDetail(String detail) {
		return new CheckResult(this.subject, this.check, this.verdict, this.messageKey, this.arguments, this.fix,
				detail, this.address, this.mtaStsSeen);
	}

	/**
	 * This result as made at one address of its subject.
	 * @param address the address
	 * @return a copy
	 */
	CheckResult at(String address) {
		return new CheckResult(this.subject, this.check, this.verdict, this.messageKey, this.arguments, this.fix,
				this.detail, address, this.mtaStsSeen);
	}

	/**
	 * This result with what it saw of MTA-STS.
	 * @param seen the policy's digest and the id
	 * @return a copy
	 */
	CheckResult seeing(MtaStsSeen seen) {
		return new CheckResult(this.subject, this.check, this.verdict, this.messageKey, this.arguments, this.fix,
				this.detail, this.address, seen);
	}

}
