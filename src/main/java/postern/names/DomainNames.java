package postern.names;

import java.net.IDN;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Domain names as Postern stores them: lower-case ASCII, an internationalised name turned
 * into its punycode form. Names that could fool an admin are refused: a label mixing
 * scripts, a Unicode name that only looks like an ASCII one (Cyrillic {@code а} for Latin
 * {@code a}, full-width letters).
 */
public final class DomainNames {

	private static final int MAX_LENGTH = 253;

	private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

	private static final Pattern NUMERIC = Pattern.compile("[0-9]+");

	/**
	 * Letters of other scripts drawn like Latin letters, with the letter they imitate.
	 */
	private static final Map<Character, Character> LOOK_ALIKES = Map.ofEntries(Map.entry('а', 'a'), Map.entry('е', 'e'),
			Map.entry('о', 'o'), Map.entry('р', 'p'), Map.entry('с', 'c'), Map.entry('у', 'y'), Map.entry('х', 'x'),
			Map.entry('і', 'i'), Map.entry('ј', 'j'), Map.entry('ѕ', 's'), Map.entry('һ', 'h'), Map.entry('ԁ', 'd'),
			Map.entry('ԛ', 'q'), Map.entry('ԝ', 'w'), Map.entry('ο', 'o'), Map.entry('α', 'a'), Map.entry('ν', 'v'),
			Map.entry('τ', 't'), Map.entry('ι', 'i'), Map.entry('κ', 'k'), Map.entry('ρ', 'p'), Map.entry('υ', 'u'),
			Map.entry('χ', 'x'), Map.entry('ϲ', 'c'), Map.entry('ӏ', 'l'));

	private DomainNames() {
	}

	/**
	 * The stored form of a domain name an admin typed.
	 * @param input the name, ASCII or Unicode, without a trailing dot
	 * @return the lower-case ASCII name
	 * @throws InvalidDomainException with the reason, when the name is refused
	 */
	public static String toAscii(String input) {
		if (input == null || input.isEmpty()) {
			throw new InvalidDomainException("domain.invalid.empty");
		}
		if (input.length() > MAX_LENGTH) {
			throw new InvalidDomainException("domain.invalid.length");
		}
		boolean ascii = input.chars().allMatch((c) -> c < 0x80);
		if (!ascii) {
			checkScripts(input);
		}
		String converted = convert(input).toLowerCase(Locale.ROOT);
		if (!ascii && !converted.contains("xn--")) {
			// Normalisation made it plain ASCII: full-width or other look-alike forms
			throw new InvalidDomainException("domain.invalid.look-alike");
		}
		checkSyntax(converted);
		checkPunycode(converted);
		return converted;
	}

	/**
	 * Whether a name is already in its stored form and valid.
	 * @param name a name
	 * @return {@code true} for lower-case ASCII names that {@link #toAscii} keeps as they
	 * are
	 */
	public static boolean isValidAscii(String name) {
		try {
			return toAscii(name).equals(name);
		}
		catch (InvalidDomainException ex) {
			return false;
		}
	}

	/**
	 * The Unicode form to show next to a punycode name.
	 * @param ascii a stored name
	 * @return its Unicode form, the same as {@code ascii} for a plain ASCII name
	 */
	public static String toUnicode(String ascii) {
		return IDN.toUnicode(ascii, IDN.ALLOW_UNASSIGNED);
	}

	private static String convert(String input) {
		try {
			return IDN.toASCII(input, IDN.USE_STD3_ASCII_RULES);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidDomainException("domain.invalid.syntax");
		}
	}

	private static void checkSyntax(String name) {
		if (name.length() > MAX_LENGTH) {
			throw new InvalidDomainException("domain.invalid.length");
		}
		String[] labels = name.split("\\.", -1);
		if (labels.length < 2) {
			throw new InvalidDomainException("domain.invalid.single-label");
		}
		for (String label : labels) {
			if (!LABEL.matcher(label).matches()) {
				throw new InvalidDomainException("domain.invalid.syntax");
			}
		}
		if (NUMERIC.matcher(labels[labels.length - 1]).matches()) {
			throw new InvalidDomainException("domain.invalid.syntax");
		}
	}

	/**
	 * A name typed in punycode must pass the same checks as its Unicode form, or
	 * {@code xn--pple-43d.com} would let a Cyrillic look-alike of apple.com in.
	 */
	private static void checkPunycode(String ascii) {
		for (String label : ascii.split("\\.")) {
			if (!label.startsWith("xn--")) {
				continue;
			}
			String unicode = IDN.toUnicode(label, IDN.ALLOW_UNASSIGNED);
			if (unicode.equals(label) || unicode.chars().allMatch((c) -> c < 0x80)
					|| !convert(unicode).equalsIgnoreCase(label)) {
				throw new InvalidDomainException("domain.invalid.syntax");
			}
			checkScripts(unicode);
			boolean lettersOnly = unicode.codePoints()
				.allMatch((c) -> c == '-' || Character.isLetter(c) || Character.isDigit(c)
						|| Character.getType(c) == Character.NON_SPACING_MARK
						|| Character.getType(c) == Character.COMBINING_SPACING_MARK);
			if (!lettersOnly) {
				throw new InvalidDomainException("domain.invalid.syntax");
			}
		}
	}

	private static void checkScripts(String input) {
		for (String label : input.split("\\.", -1)) {
			Set<Character.UnicodeScript> scripts = EnumSet.noneOf(Character.UnicodeScript.class);
			label.codePoints()
				.mapToObj(Character.UnicodeScript::of)
				.filter((script) -> script != Character.UnicodeScript.COMMON
						&& script != Character.UnicodeScript.INHERITED)
				.forEach(scripts::add);
			if (scripts.size() > 1) {
				throw new InvalidDomainException("domain.invalid.mixed-scripts");
			}
			boolean foreign = label.chars().anyMatch((c) -> c >= 0x80);
			if (foreign && label.chars().allMatch((c) -> c < 0x80 || LOOK_ALIKES.containsKey((char) c))) {
				throw new InvalidDomainException("domain.invalid.look-alike");
			}
		}
	}

}
