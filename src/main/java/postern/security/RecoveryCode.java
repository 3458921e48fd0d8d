package postern.security;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One single-use recovery code of an admin, kept as a BCrypt hash.
 */
@Entity
@Table(name = "admin_recovery_code")
class RecoveryCode {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "admin_id", nullable = false)
	private Long adminId;

	@Column(name = "code_hash", nullable = false, length = 100)
	private String codeHash;

	@Column(name = "used_at")
	private Instant usedAt;

	protected RecoveryCode() {
	}

	RecoveryCode(Long adminId, String codeHash) {
		this.adminId = adminId;
		this.codeHash = codeHash;
	}

	String getCodeHash() {
		return this.codeHash;
	}

	Instant getUsedAt() {
		return this.usedAt;
	}

	void use(Instant at) {
		this.usedAt = at;
	}

}
