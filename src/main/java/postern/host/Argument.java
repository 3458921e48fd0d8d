package postern.host;

import java.util.regex.Pattern;

import postern.names.MailAddresses;

/**
 * The kinds of value a {@link CommandKind} takes, each with the only shape it accepts. No
 * value may start with {@code -}, so a value is never read as an option. A
 * {@link #secret() secret} argument is replaced in everything shown, logged or audited.
 */
public enum Argument {

	/** A systemd unit name such as {@code caddy.service}. */
	UNIT("[A-Za-z0-9][A-Za-z0-9@._:-]{0,250}", false),

	/** A count of lines, 1 to 9999. */
	LINES("[1-9][0-9]{0,3}", false),

	/** A fail2ban jail name such as {@code maddy-auth}. */
	JAIL("[A-Za-z0-9][A-Za-z0-9._-]{0,63}", false),

	/** An IPv4 address in dotted quads, or an IPv6 address in hexadecimal groups. */
	IP_ADDRESS("((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"
			+ "|[0-9A-Fa-f]{0,4}(:[0-9A-Fa-f]{0,4}){2,7}", false),

	/**
	 * A mailbox address as maddy stores it: lower-case ASCII, the local part of
	 * {@link MailAddresses#MAILBOX_LOCAL_PART} (no {@code +}, which maddy's rewrite
	 * strips), and inside it {@code /}, which maddy accepts in a name made by hand (the
	 * first character is still a letter or a digit, so it reads neither as an option nor
	 * as a path); a domain of dot-separated labels (IDN in punycode).
	 */
	MAILBOX("(?=.{3,254}$)" + MailAddresses.localPartPattern("_/-", "") + "@" + MailAddresses.ADDRESS_DOMAIN, false),

	/**
	 * An absolute path to a configuration file (maddy.conf or a candidate next to it):
	 * plain file-name characters only, no {@code .} or {@code ..} segment.
	 */
	CONFIG_FILE("(?=.{2,4096}$)(?!.*/\\.{1,2}(?:/|$))(?!.*//)/[A-Za-z0-9._@+/-]*[A-Za-z0-9._@+-]", false),

	/**
	 * Any absolute path without a newline or NUL, for Postern's own look-ups on a path it
	 * manages; it is passed as one word, never read as code.
	 */
	PATH("/[^\\n\\x00]{0,4095}", false),

	/** A numeric user or group id. */
	NUMERIC_ID("[0-9]{1,10}", false),

	/** A loopback {@code host:port} of Caddy's admin API, e.g. {@code localhost:2019}. */
	ADMIN_ADDRESS("(localhost|127\\.0\\.0\\.1|\\[::1\\]):[0-9]{1,5}", false);

	private final Pattern pattern;

	private final boolean secret;

	Argument(String regex, boolean secret) {
		this.pattern = Pattern.compile(regex);
		this.secret = secret;
	}

	/**
	 * Whether values of this argument must never be shown. Secrets should go on standard
	 * input when the program allows it; this is for the programs that do not.
	 * @return {@code true} when the value is redacted in {@link Command#displayArgv()}
	 */
	public boolean secret() {
		return this.secret;
	}

	/**
	 * Whether a value has this argument's shape.
	 * @param value a value from Postern's own code or an admin's form
	 * @return {@code true} when it may be put in an argv
	 */
	public boolean accepts(String value) {
		return value != null && this.pattern.matcher(value).matches();
	}

	/**
	 * The placeholder that stands for this argument in a {@link CommandKind}'s words.
	 * @return e.g. {@code {unit}}
	 */
	public String placeholder() {
		return "{" + name().toLowerCase(java.util.Locale.ROOT) + "}";
	}

}
