package postern.host;

import java.util.regex.Pattern;

/**
 * The kinds of value a {@link CommandKind} takes, each with the only shape it accepts. No
 * value may start with {@code -}, so a value is never read as an option. A
 * {@link #secret() secret} argument is replaced in everything shown, logged or audited.
 */
public enum Argument {

	/** A systemd unit name such as {@code caddy.service}. */
	UNIT("[A-Za-z0-9][A-Za-z0-9@._:-]{0,250}", false),

	/**
	 * An absolute path to a configuration file: no {@code .} or {@code ..} segment, no
	 * space, quote or shell character.
	 */
	CONFIG_FILE("(/(?!\\.\\.?(?:/|$))[A-Za-z0-9._+@-]{1,255}){1,64}", false),

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
