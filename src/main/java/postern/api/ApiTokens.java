package postern.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import postern.audit.AuditLog;
import postern.security.AdminAccounts;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists, revokes and checks API tokens. A token is {@value #PREFIX} followed by
 * 32 random bytes in URL-safe Base64; it is shown once and only its SHA-256 is stored, so
 * a copy of the database gives no working token.
 */
@Service
public class ApiTokens {

	/** Every token starts with it, so a leaked one is easy to find in a log or a repo. */
	public static final String PREFIX = "pst_";

	/** The longest token name. */
	public static final int MAX_NAME = 50;

	private static final int SECRET_BYTES = 32;

	private static final int SHOWN_PREFIX = 8;

	private final ApiTokenRepository tokens;

	private final AdminAccounts admins;

	private final AuditLog auditLog;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	ApiTokens(ApiTokenRepository tokens, AdminAccounts admins, AuditLog auditLog, Optional<Clock> clock) {
		this.tokens = tokens;
		this.admins = admins;
		this.auditLog = auditLog;
		this.clock = clock.orElseGet(Clock::systemUTC);
	}

	/**
	 * An admin's tokens, newest first, revoked ones included.
	 * @param admin the admin's user name
	 * @return the tokens
	 */
	@Transactional(readOnly = true)
	public List<ApiToken> of(String admin) {
		return this.tokens.findByAdminUsernameOrderByCreatedAtDesc(admin);
	}

	/**
	 * Whether an admin already has a live token of that name.
	 * @param admin the admin's user name
	 * @param name the name
	 * @return {@code true} when the name is taken
	 */
	@Transactional(readOnly = true)
	public boolean nameTaken(String admin, String name) {
		return this.tokens.countByAdminUsernameAndNameAndRevokedAtIsNull(admin, name) > 0;
	}

	/**
	 * Create a token.
	 * @param admin the admin it acts for
	 * @param name a name that says what uses it, e.g. {@code backup-script}
	 * @param scope what it may do
	 * @return the stored token and its secret, which is never available again
	 */
	@Transactional
	public CreatedToken create(String admin, String name, ApiScope scope) {
		byte[] bytes = new byte[SECRET_BYTES];
		this.random.nextBytes(bytes);
		String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		ApiToken token = this.tokens
			.save(new ApiToken(admin, name, scope, hash(secret), secret.substring(0, SHOWN_PREFIX), now()));
		this.auditLog.record("api.token.create", tokenTarget(token), true, "scope " + scope.id());
		return new CreatedToken(token, secret);
	}

	/**
	 * Revoke one of an admin's tokens: it stops working at once and stays listed.
	 * @param admin the admin
	 * @param id the token's id
	 * @return {@code true} when it was revoked now, {@code false} when the admin has no
	 * such live token
	 */
	@Transactional
	public boolean revoke(String admin, long id) {
		Optional<ApiToken> token = this.tokens.findById(id)
			.filter((candidate) -> candidate.getAdminUsername().equals(admin) && !candidate.isRevoked());
		token.ifPresent((live) -> {
			live.revokedAt(now());
			this.auditLog.record("api.token.revoke", tokenTarget(live), true, null);
		});
		return token.isPresent();
	}

	/**
	 * The live token with this secret, its use recorded.
	 * @param secret what came after {@code Bearer }
	 * @return the token, or empty when it is unknown, revoked, or its admin is gone or
	 * disabled
	 */
	@Transactional
	public Optional<ApiToken> authenticate(String secret) {
		if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
			return Optional.empty();
		}
		Optional<ApiToken> token = this.tokens.findBySecretHash(hash(secret))
			.filter((candidate) -> !candidate.isRevoked())
			.filter((candidate) -> adminMayAct(candidate.getAdminUsername()));
		token.ifPresent((live) -> live.usedAt(now()));
		return token;
	}

	/**
	 * How a token appears in the audit log: its admin and name, never its secret.
	 * @param token the token
	 * @return e.g. {@code admin (token backup-script)}
	 */
	public static String actor(ApiToken token) {
		return token.getAdminUsername() + " (token " + token.getName() + ")";
	}

	/**
	 * A token acts for its admin and ends with their account. A lock does not stop it:
	 * the lock answers password guessing at the login form, which a token never goes
	 * through.
	 */
	private boolean adminMayAct(String username) {
		return this.admins.find(username).isPresent();
	}

	private static String tokenTarget(ApiToken token) {
		return token.getName() + " (" + token.getPrefix() + "…)";
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	static String hash(String secret) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}

	/**
	 * A token just created.
	 *
	 * @param token the stored token
	 * @param secret the whole token, to show once
	 */
	public record CreatedToken(ApiToken token, String secret) {

		@Override
		public String toString() {
			return "CreatedToken[" + this.token.getName() + "]";
		}

	}

}
