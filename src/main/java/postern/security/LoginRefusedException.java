package postern.security;

import java.util.Locale;

import org.springframework.security.authentication.BadCredentialsException;

/**
 * A refused login. Every reason gives the same answer to the browser, so nobody learns
 * whether an account exists or is locked; the reason goes to the audit log only.
 */
class LoginRefusedException extends BadCredentialsException {

	private final Reason reason;

	LoginRefusedException(Reason reason) {
		super("Bad credentials");
		this.reason = reason;
	}

	Reason reason() {
		return this.reason;
	}

	/**
	 * Why a login was refused.
	 */
	enum Reason {

		/** No admin has this name. */
		UNKNOWN_ACCOUNT,

		/** The password does not match. */
		WRONG_PASSWORD,

		/** The account is locked after too many failures. */
		LOCKED,

		/** The client address failed too often and must wait. */
		THROTTLED;

		String code() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

}
