package postern.host.web;

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
 * A command prefix such as {@code sudo -n}: at most {@value Validator#MAX_WORDS} words
 * separated by spaces, each made of letters, digits and {@code @%+=:,./_-} only (nothing
 * a shell or sudoers would read specially), the first one a program rather than an
 * option. An empty value means no override.
 */
@Documented
@Constraint(validatedBy = SafeWords.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@interface SafeWords {

	String message() default "{hosts.error.sudoPrefix}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<SafeWords, String> {

		static final int MAX_WORDS = 8;

		private static final Pattern WORD = Pattern.compile("[A-Za-z0-9@%+=:,./_-]{1,200}");

		private static final Pattern SPACES_AND_WORDS = Pattern.compile("[ A-Za-z0-9@%+=:,./_-]*");

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null || value.isEmpty()) {
				return true;
			}
			// Only spaces separate words: a tab or a line break is refused, not trimmed
			// away
			if (!SPACES_AND_WORDS.matcher(value).matches()) {
				return false;
			}
			if (value.isBlank()) {
				return true;
			}
			List<String> words = words(value);
			return words.size() <= MAX_WORDS && !words.get(0).startsWith("-")
					&& words.stream().allMatch((word) -> WORD.matcher(word).matches());
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
