package postern.hosts.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A server's sudo prefix, such as {@code sudo -n}: {@code sudo} or {@code doas} (by name
 * or by its path in {@code /usr/bin}, {@code /bin} or {@code /usr/local/bin}), then only
 * the options {@code -n}, {@code -E}, {@code -H} and {@code -u <user>}. It goes before
 * commands of the catalogue, so it may name no other program and carry no other word. An
 * empty value means no override; where {@link #none()} allows it, the word {@value #NONE}
 * means an empty prefix (maddy run as the SSH user itself).
 */
@Documented
@Constraint(validatedBy = SudoPrefix.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@interface SudoPrefix {

	/** The word that stands for an empty prefix, where it is allowed. */
	String NONE = "none";

	String message() default "{hosts.error.sudoPrefix}";

	/**
	 * Whether {@value #NONE} is accepted for an empty prefix.
	 * @return {@code true} when a host may run the program without any prefix
	 */
	boolean none() default false;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<SudoPrefix, String> {

		private boolean none;

		@Override
		public void initialize(SudoPrefix annotation) {
			this.none = annotation.none();
		}

		private static final Pattern PREFIX = Pattern
			.compile("((/usr/local/bin/|/usr/bin/|/bin/)?(sudo|doas))( -[nEH]| -u [a-z_][a-z0-9_-]{0,31})*");

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null || value.isEmpty() || (this.none && NONE.equals(HostForm.trimSpaces(value)))) {
				return true;
			}
			// Only spaces separate words: a tab or a line break is refused, not trimmed
			// away
			if (!value.matches("[ A-Za-z0-9/_-]*")) {
				return false;
			}
			return value.isBlank() || PREFIX.matcher(String.join(" ", words(value))).matches();
		}

		/**
		 * The words of a prefix.
		 * @param value the text typed, not blank
		 * @return its words, split on spaces
		 */
		static List<String> words(String value) {
			return List.of(value.strip().split(" +"));
		}

	}

}
