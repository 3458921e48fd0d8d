package postern.api;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An API token of an admin. Only the SHA-256 of its secret is kept, with the first
 * characters of the secret so the admin can tell tokens apart.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "admin_username", nullable = false, length = 100)
	private String adminUsername;

	@Column(nullable = false, length = 50)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 10)
	private ApiScope scope;

	@Column(name = "secret_hash", nullable = false, unique = true, length = 64)
	private String secretHash;

	@Column(nullable = false, length = 12)
	private String prefix;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "last_used_at")
	private Instant lastUsedAt;

	@Column(name = "revoked_at")
	private Instant revokedAt;

	protected ApiToken() {
	}

	ApiToken(String adminUsername, String name, ApiScope scope, String secretHash, String prefix, Instant createdAt) {
		this.adminUsername = adminUsername;
		this.name = name;
		this.scope = scope;
		this.secretHash = secretHash;
		this.prefix = prefix;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return this.id;
	}

	public String getAdminUsername() {
		return this.adminUsername;
	}

	public String getName() {
		return this.name;
	}

	public ApiScope getScope() {
		return this.scope;
	}

	/**
	 * The first characters of the secret, enough to recognise it, not to use it.
	 * @return e.g. {@code pst_k3Fq}
	 */
	public String getPrefix() {
		return this.prefix;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getLastUsedAt() {
		return this.lastUsedAt;
	}

	public Instant getRevokedAt() {
		return this.revokedAt;
	}

	public boolean isRevoked() {
		return this.revokedAt != null;
	}

	void usedAt(Instant at) {
		this.lastUsedAt = at;
	}

	void revokedAt(Instant at) {
		this.revokedAt = at;
	}

}
