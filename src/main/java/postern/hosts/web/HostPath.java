package postern.hosts.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import postern.host.Argument;

/**
 * A path on a managed server, for a setting the host overrides: absolute and normalised
 * (no {@code .} or {@code ..} segment, no {@code //}, no trailing slash), at most
 * {@value #MAX_LENGTH} characters of plain file-name characters. These paths go into
 * commands of the catalogue (maddy's {@code --config}, {@code caddy validate}'s), so they
 * take the shape the catalogue accepts there. Spaces around it are dropped; a blank value
 * means no override.
 */
@Documented
@Constraint(validatedBy = HostPath.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@interface HostPath {

	/** The longest path a host may name, as its column holds. */
	int MAX_LENGTH = 1024;

	String message() default "{hosts.error.path}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<HostPath, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (HostForm.blank(value)) {
				return true;
			}
			String path = HostForm.trimSpaces(value);
			return path.length() <= MAX_LENGTH && Argument.CONFIG_FILE.accepts(path);
		}

	}

}
