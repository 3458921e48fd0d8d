package postern.security;

import java.util.Collection;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The authorities of a login. A password alone gives {@link #TOTP_PENDING} to an admin
 * with a second factor, which opens only the code page; the full login gives
 * {@link #ADMIN}, plus {@link #FACTOR_TOTP} when a code was given.
 */
public final class Authorities {

	/** Every page of the panel. */
	public static final String ADMIN = "ROLE_ADMIN";

	/** The password was right; the second factor is still to come. */
	public static final String TOTP_PENDING = "TOTP_PENDING";

	/** The admin has a second factor and used it, or just enrolled. */
	public static final String FACTOR_TOTP = "FACTOR_TOTP";

	private Authorities() {
	}

	/**
	 * Whether an authentication holds an authority.
	 * @param authentication the authentication, or {@code null}
	 * @param authority the authority
	 * @return {@code true} when it is authenticated and holds it
	 */
	public static boolean has(Authentication authentication, String authority) {
		if (authentication == null || !authentication.isAuthenticated()) {
			return false;
		}
		Collection<? extends GrantedAuthority> granted = authentication.getAuthorities();
		return granted.stream().anyMatch((candidate) -> authority.equals(candidate.getAuthority()));
	}

}
