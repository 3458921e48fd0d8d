package postern.hosts.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A private key file on Postern's own machine: an absolute path to a regular file that
 * Postern can read. The message says which of these fails. An empty value is left to
 * {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = KeyFile.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@interface KeyFile {

	String message() default "{hosts.error.keyFile.missing}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<KeyFile, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null || value.isEmpty()) {
				return true;
			}
			String problem = problem(value);
			if (problem == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate("{hosts.error.keyFile." + problem + "}")
				.addConstraintViolation();
			return false;
		}

		private static String problem(String value) {
			if (value.indexOf('\0') >= 0 || value.contains("\n")) {
				return "absolute";
			}
			Path path;
			try {
				path = Path.of(value);
			}
			catch (InvalidPathException ex) {
				return "absolute";
			}
			if (!path.isAbsolute()) {
				return "absolute";
			}
			if (!Files.isRegularFile(path)) {
				return "missing";
			}
			return Files.isReadable(path) ? null : "unreadable";
		}

	}

}
