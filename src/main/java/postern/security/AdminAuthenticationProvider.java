package postern.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import postern.security.LoginRefusedException.Reason;
import postern.names.IpAddresses;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Checks the login form's user name and password. Every refusal looks the same from
 * outside, and an unknown name costs the same BCrypt check as a known one (against a
 * dummy hash), so neither the answer nor its timing tells whether an account exists. A
 * locked account is refused even with the right password, which is then not checked; each
 * check of an account's password is counted against its lockout limit before it runs (see
 * {@link AdminAccounts#reservePasswordCheck}), so a parallel burst from many addresses
 * gets no more checks than the limit. An address that keeps failing is slowed down by
 * {@link LoginThrottle}.
 */
@Component
class AdminAuthenticationProvider implements AuthenticationProvider {

	private final AdminAccounts accounts;

	private final LoginThrottle throttle;

	private final PasswordEncoder encoder;

	/**
	 * A hash of a random password, checked when the account does not exist. It is not
	 * made during the start (one BCrypt hash is a tenth of a second of a start on a small
	 * server) but once the application is ready, beside the first requests; a check that
	 * needs it before then waits for it, or makes it.
	 */
	private final SingletonSupplier<String> dummyHash;

	AdminAuthenticationProvider(AdminAccounts accounts, LoginThrottle throttle, PasswordEncoder encoder) {
		this.accounts = accounts;
		this.throttle = throttle;
		this.encoder = encoder;
		this.dummyHash = SingletonSupplier.of(() -> encoder.encode(UUID.randomUUID().toString()));
	}

	@EventListener(ApplicationReadyEvent.class)
	void makeDummyHash() {
		CompletableFuture.runAsync(this.dummyHash::get);
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = authentication.getName();
		String password = String.valueOf(authentication.getCredentials());
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? IpAddresses.normal(details.getRemoteAddress()) : null;
		if (!this.throttle.attempt(address)) {
			throw new LoginRefusedException(Reason.THROTTLED);
		}
		Optional<Admin> admin = this.accounts.findForLogin(username);
		if (admin.isEmpty()) {
			passwordMatches(password, this.dummyHash.get());
			this.throttle.failed(address);
			throw new LoginRefusedException(Reason.UNKNOWN_ACCOUNT);
		}
		if (!this.accounts.reservePasswordCheck(username)) {
			// the same work as a check, against the dummy hash: the account's own
			// password is never tried while it is locked
			passwordMatches(password, this.dummyHash.get());
			this.throttle.failed(address);
			throw new LoginRefusedException(Reason.LOCKED);
		}
		if (!passwordMatches(password, admin.get().getPasswordHash())) {
			this.throttle.failed(address);
			this.accounts.passwordFailed(username);
			throw new LoginRefusedException(Reason.WRONG_PASSWORD);
		}
		if (admin.get().isTotpEnabled()) {
			this.throttle.released(address);
			this.accounts.releasePasswordCheck(username);
			return authenticated(username, Authorities.TOTP_PENDING, authentication);
		}
		this.accounts.passwordSucceeded(username);
		this.throttle.succeeded(address);
		return authenticated(username, Authorities.ADMIN, authentication);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private boolean passwordMatches(String password, String hash) {
		// BCrypt refuses passwords over 72 bytes; such a password is wrong, after the
		// same work as any other.
		if (password.getBytes(StandardCharsets.UTF_8).length > PasswordPolicy.MAX_BYTES) {
			this.encoder.matches("too long", hash);
			return false;
		}
		return this.encoder.matches(password, hash);
	}

	private static Authentication authenticated(String username, String authority, Authentication request) {
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(username, null,
				List.of(new SimpleGrantedAuthority(authority)));
		result.setDetails(request.getDetails());
		return result;
	}

}
