package postern.security;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An administrator of the panel. The password is kept as a BCrypt hash only; the TOTP
 * secret is set once enrolment is confirmed.
 */
@Entity
@Table(name = "admin")
public class Admin {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true, length = 100)
	private String username;

	@Column(name = "password_hash", nullable = false, length = 100)
	private String passwordHash;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "failed_attempts", nullable = false)
	private int failedAttempts;

	@Column(name = "locked_until")
	private Instant lockedUntil;

	@Column(name = "totp_secret", length = 64)
	private String totpSecret;

	@Column(name = "totp_last_step")
	private Long totpLastStep;

	@Column(name = "password_changed_at")
	private Instant passwordChangedAt;

	protected Admin() {
	}

	Admin(String username, String passwordHash, Instant createdAt) {
		this.username = username;
		this.passwordHash = passwordHash;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return this.id;
	}

	public String getUsername() {
		return this.username;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public int getFailedAttempts() {
		return this.failedAttempts;
	}

	public Instant getLockedUntil() {
		return this.lockedUntil;
	}

	/**
	 * Whether the account is locked at a given time.
	 * @param now the time
	 * @return {@code true} while a lock runs
	 */
	public boolean isLockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

	/**
	 * Whether the admin has a confirmed second factor.
	 * @return {@code true} once TOTP enrolment is confirmed
	 */
	public boolean isTotpEnabled() {
		return this.totpSecret != null;
	}

	String getTotpSecret() {
		return this.totpSecret;
	}

	Long getTotpLastStep() {
		return this.totpLastStep;
	}

	public Instant getPasswordChangedAt() {
		return this.passwordChangedAt;
	}

	void changePassword(String hash, Instant at) {
		this.passwordHash = hash;
		this.passwordChangedAt = at;
	}

	/**
	 * Count one failed attempt, and lock the account when it reaches the limit.
	 * @param limit failed attempts that lock the account
	 * @param until the end of the lock, if it happens now
	 * @return {@code true} when this attempt locked the account
	 */
	boolean fail(int limit, Instant until) {
		this.failedAttempts++;
		if (this.failedAttempts >= limit) {
			this.failedAttempts = 0;
			this.lockedUntil = until;
			return true;
		}
		return false;
	}

	void unlock() {
		this.failedAttempts = 0;
		this.lockedUntil = null;
	}

	void enableTotp(String secret, long step) {
		this.totpSecret = secret;
		this.totpLastStep = step;
	}

	void acceptTotpStep(long step) {
		this.totpLastStep = step;
	}

	void disableTotp() {
		this.totpSecret = null;
		this.totpLastStep = null;
	}

}
