package postern.mail.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import postern.names.DomainNames;
import postern.names.InvalidDomainException;

/**
 * A domain name Postern accepts (see {@link DomainNames}); the message says why one is
 * refused. An empty value is left to {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = DomainName.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@interface DomainName {

	String message() default "{domain.invalid.syntax}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<DomainName, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null || value.isEmpty()) {
				return true;
			}
			try {
				DomainNames.toAscii(value);
				return true;
			}
			catch (InvalidDomainException ex) {
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate("{" + ex.reasonKey() + "}").addConstraintViolation();
				return false;
			}
		}

	}

}
