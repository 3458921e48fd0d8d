package postern.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import postern.PosternProperties;
import postern.audit.AuditLog;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admins of the panel and what they can do to their own account and to each other:
 * create, remove (never the last one), reset a password, lift a lock, reset a second
 * factor, enrol one. Every change is audited; a reset ends the sessions of the admin it
 * touches.
 */
@Service
public class AdminAccounts {

	static final int RECOVERY_CODES = 10;

	// No look-alike characters, so a code can be read from paper.
	private static final String CODE_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private final AdminRepository admins;

	private final RecoveryCodeRepository recoveryCodes;

	private final PasswordEncoder encoder;

	private final Totp totp;

	private final AdminSessions sessions;

	private final AuditLog auditLog;

	private final PosternProperties.Security settings;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	AdminAccounts(AdminRepository admins, RecoveryCodeRepository recoveryCodes, PasswordEncoder encoder, Totp totp,
			AdminSessions sessions, AuditLog auditLog, PosternProperties properties, Optional<Clock> clock) {
		this.admins = admins;
		this.recoveryCodes = recoveryCodes;
		this.encoder = encoder;
		this.totp = totp;
		this.sessions = sessions;
		this.auditLog = auditLog;
		this.settings = properties.security();
		this.clock = clock.orElseGet(Clock::systemUTC);
	}

	@Transactional(readOnly = true)
	public List<Admin> list() {
		return this.admins.findAllByOrderByUsernameAsc();
	}

	@Transactional(readOnly = true)
	public Optional<Admin> find(String username) {
		return this.admins.findByUsername(username);
	}

	/**
	 * The current time, for pages that show whether a lock still runs.
	 * @return now
	 */
	public Instant now() {
		return this.clock.instant();
	}

	@Transactional
	public void create(String username, String password) {
		this.admins.save(new Admin(username, this.encoder.encode(password), this.clock.instant()));
		this.auditLog.record("admin.created", username, null);
	}

	/**
	 * Remove an admin and end their sessions.
	 * @param username the admin
	 * @throws LastAdminException when it is the only admin left
	 */
	@Transactional
	public void remove(String username) {
		List<Admin> all = this.admins.lockAll();
		Admin admin = all.stream()
			.filter((candidate) -> candidate.getUsername().equals(username))
			.findFirst()
			.orElseThrow(() -> new AdminNotFoundException(username));
		if (all.size() <= 1) {
			throw new LastAdminException();
		}
		this.recoveryCodes.deleteByAdminId(admin.getId());
		this.admins.delete(admin);
		this.sessions.expireAll(username);
		this.auditLog.record("admin.removed", username, null);
	}

	/**
	 * Change one's own password, given the current one.
	 * @param username the admin
	 * @param current the current password
	 * @param password the new password, already checked by {@link PasswordPolicy}
	 * @return {@code false} when the current password is wrong (nothing changed)
	 */
	@Transactional
	public boolean changeOwnPassword(String username, String current, String password) {
		Admin admin = existing(username);
		if (current == null || !this.encoder.matches(current, admin.getPasswordHash())) {
			this.auditLog.record("account.password-changed", username, false, "wrong current password");
			return false;
		}
		admin.changePassword(this.encoder.encode(password), this.clock.instant());
		this.auditLog.record("account.password-changed", username, null);
		return true;
	}

	/**
	 * Give another admin a new password: also lifts a lock and ends their sessions.
	 * @param username the admin
	 * @param password the new password, already checked by {@link PasswordPolicy}
	 */
	@Transactional
	public void resetPassword(String username, String password) {
		Admin admin = existing(username);
		admin.changePassword(this.encoder.encode(password), this.clock.instant());
		admin.unlock();
		this.sessions.expireAll(username);
		this.auditLog.record("admin.password-reset", username, null);
	}

	@Transactional
	public void unlock(String username) {
		existing(username).unlock();
		this.auditLog.record("admin.unlocked", username, null);
	}

	/**
	 * Remove another admin's second factor and recovery codes, and end their sessions;
	 * they enrol again at their next login (which the settings may require).
	 * @param username the admin
	 */
	@Transactional
	public void resetTotp(String username) {
		Admin admin = existing(username);
		admin.disableTotp();
		this.recoveryCodes.deleteByAdminId(admin.getId());
		this.sessions.expireAll(username);
		this.auditLog.record("admin.totp-reset", username, null);
	}

	/**
	 * Confirm an enrolment with a code from the app.
	 * @param username the admin
	 * @param secret the secret the admin scanned
	 * @param code the code the app shows
	 * @return the recovery codes, to show once; empty when the code is wrong
	 */
	@Transactional
	public Optional<List<String>> enableTotp(String username, String secret, String code) {
		Admin admin = existing(username);
		OptionalLong step = this.totp.matchingStep(secret, code, null);
		if (step.isEmpty()) {
			return Optional.empty();
		}
		admin.enableTotp(secret, step.getAsLong());
		this.recoveryCodes.deleteByAdminId(admin.getId());
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			String recovery = newRecoveryCode();
			codes.add(recovery);
			this.recoveryCodes.save(new RecoveryCode(admin.getId(), this.encoder.encode(recovery)));
		}
		this.auditLog.record("account.totp-enabled", username, null);
		return Optional.of(codes);
	}

	/**
	 * End every session of an admin, the one asking included.
	 * @param username the admin
	 */
	public void endSessions(String username) {
		int ended = this.sessions.expireAll(username);
		this.auditLog.record("account.sessions-ended", username, ended + " sessions");
	}

	@Transactional(readOnly = true)
	public long recoveryCodesLeft(String username) {
		return find(username).map(this::recoveryCodesLeft).orElse(0L);
	}

	/**
	 * The recovery codes an admin already read has left, without reading the admin again.
	 * @param admin the admin
	 * @return how many are unused
	 */
	public long recoveryCodesLeft(Admin admin) {
		return this.recoveryCodes.countByAdminIdAndUsedAtIsNull(admin.getId());
	}

	/**
	 * Check the second step of a login: a TOTP code or an unused recovery code. A wrong
	 * one counts as a failed login and may lock the account.
	 * @param username the admin whose password was right
	 * @param code what was typed
	 * @return the outcome
	 */
	@Transactional
	public SecondFactor checkSecondFactor(String username, String code) {
		Optional<Admin> found = this.admins.findByUsername(username);
		if (found.isEmpty() || !found.get().isTotpEnabled()) {
			return SecondFactor.LOCKED;
		}
		Admin admin = found.get();
		if (admin.isLockedAt(this.clock.instant())) {
			this.auditLog.recordAs(username, "login.failure", username, false, "locked");
			return SecondFactor.LOCKED;
		}
		OptionalLong step = this.totp.matchingStep(admin.getTotpSecret(), code, admin.getTotpLastStep());
		if (step.isPresent()) {
			admin.acceptTotpStep(step.getAsLong());
			succeeded(admin, "second factor");
			return SecondFactor.ACCEPTED;
		}
		if (useRecoveryCode(admin, code)) {
			succeeded(admin, "recovery code");
			return SecondFactor.ACCEPTED;
		}
		this.auditLog.recordAs(username, "login.failure", username, false, "wrong-code");
		return failed(admin) ? SecondFactor.LOCKED : SecondFactor.WRONG;
	}

	/**
	 * Let one password check of an account run, counting it as a failure at once: of any
	 * number of parallel attempts, from any addresses, no more than the lockout limit get
	 * through, and none while the account is locked.
	 * @param username the admin
	 * @return {@code false} when the check must not run (the account is locked, or as
	 * many attempts as the limit are already counted)
	 */
	@Transactional
	boolean reservePasswordCheck(String username) {
		return this.admins.reserveAttempt(username, this.settings.lockoutAttempts(), this.clock.instant()) == 1;
	}

	/**
	 * A reserved check ended neither way (the password was right, a second factor is
	 * still due): it no longer counts.
	 * @param username the admin
	 */
	@Transactional
	void releasePasswordCheck(String username) {
		this.admins.releaseAttempt(username);
	}

	/**
	 * A reserved check found a wrong password (it is counted already): lock the account
	 * when the count reached the limit.
	 * @param username the admin
	 */
	@Transactional
	void passwordFailed(String username) {
		Instant until = this.clock.instant().plus(this.settings.lockoutDuration());
		if (this.admins.lockAtLimit(username, this.settings.lockoutAttempts(), until) == 1) {
			this.auditLog.recordAs(username, "login.locked", username, false, "locked until " + until);
		}
	}

	/**
	 * A complete login without second factor: the failure count starts again.
	 * @param username the admin
	 */
	@Transactional
	void passwordSucceeded(String username) {
		this.admins.findByUsername(username).ifPresent((admin) -> admin.unlock());
	}

	@Transactional(readOnly = true)
	Optional<Admin> findForLogin(String username) {
		return this.admins.findByUsername(username);
	}

	private boolean failed(Admin admin) {
		Instant until = this.clock.instant().plus(this.settings.lockoutDuration());
		boolean locked = admin.fail(this.settings.lockoutAttempts(), until);
		if (locked) {
			this.auditLog.recordAs(admin.getUsername(), "login.locked", admin.getUsername(), false,
					"locked until " + until);
		}
		return locked;
	}

	private void succeeded(Admin admin, String how) {
		admin.unlock();
		this.auditLog.recordAs(admin.getUsername(), "login.success", admin.getUsername(), true, how);
	}

	private boolean useRecoveryCode(Admin admin, String code) {
		String typed = normalise(code);
		if (!typed.matches("[a-z0-9]{5}-[a-z0-9]{5}")) {
			return false;
		}
		for (RecoveryCode candidate : this.recoveryCodes.findByAdminIdAndUsedAtIsNull(admin.getId())) {
			if (this.encoder.matches(typed, candidate.getCodeHash())) {
				candidate.use(this.clock.instant());
				return true;
			}
		}
		return false;
	}

	private static String normalise(String code) {
		return (code != null) ? code.strip().toLowerCase(Locale.ROOT).replace(" ", "") : "";
	}

	private String newRecoveryCode() {
		StringBuilder code = new StringBuilder(11);
		for (int i = 0; i < 10; i++) {
			if (i == 5) {
				code.append('-');
			}
			code.append(CODE_ALPHABET.charAt(this.random.nextInt(CODE_ALPHABET.length())));
		}
		return code.toString();
	}

	private Admin existing(String username) {
		return this.admins.findByUsername(username).orElseThrow(() -> new AdminNotFoundException(username));
	}

	/**
	 * The outcome of a login's second step.
	 */
	public enum SecondFactor {

		/** The code was right: the login is complete. */
		ACCEPTED,

		/** The code was wrong; the admin may try again. */
		WRONG,

		/** The account is locked (now or already): the login is over. */
		LOCKED

	}

}
