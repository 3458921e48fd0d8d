package postern.mail;

import java.util.List;

import postern.mail.MaddyConf.Token;

/**
 * The one line of maddy.conf that lists the local domains: the definition of a macro such
 * as {@code $(local_domains)}, or a {@code destination} line naming the domains itself.
 * When the file gives no single such line, why.
 *
 * @param line the line's number, from 1, or 0 when there is none
 * @param macro the macro the line defines, or {@code null} for a directive
 * @param before the word just before the list (the {@code =} of a macro, a directive's
 * name)
 * @param values the list's words as written
 * @param problemKey the message saying why no line holds the list, or {@code null}
 * @param problemArguments its arguments
 */
public record DomainListLine(int line, String macro, Token before, List<Token> values, String problemKey,
		List<String> problemArguments) {

	public DomainListLine {
		values = List.copyOf(values);
		problemArguments = List.copyOf(problemArguments);
	}

	static DomainListLine of(int line, String macro, Token before, List<Token> values) {
		return new DomainListLine(line, macro, before, values, null, List.of());
	}

	static DomainListLine none(String problemKey, String... arguments) {
		return new DomainListLine(0, null, null, List.of(), problemKey, List.of(arguments));
	}

	/**
	 * Whether one line holds the list.
	 * @return {@code true} when Postern can add and remove domains there
	 */
	public boolean found() {
		return this.problemKey == null;
	}

}
