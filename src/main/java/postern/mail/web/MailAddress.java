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

import postern.names.MailAddresses;

/**
 * A mail address Postern may write to maddy's files: plain local part, valid domain. An
 * empty value is left to {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = MailAddress.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@interface MailAddress {

	String message() default "{mail.validation.address}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<MailAddress, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || value.isEmpty() || MailAddresses.normalize(value).isPresent();
		}

	}

}
