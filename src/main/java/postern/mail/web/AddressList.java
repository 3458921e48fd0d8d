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
 * A comma-separated list of mail addresses, each valid, none twice, at most {@link #MAX}.
 * An empty value is left to {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = AddressList.Validator.class)
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@interface AddressList {

	/** More targets than anyone forwards to is more likely a mistake. */
	int MAX = 50;

	String message() default "{mail.validation.targets}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	class Validator implements ConstraintValidator<AddressList, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value == null || value.isEmpty() || MailAddresses.parseList(value, MAX).isPresent();
		}

	}

}
