package postern.reports;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import postern.infrastructure.StoredRowListener;

/**
 * The reports mailbox set on the settings page: one row, the password sealed.
 */
@Entity
@EntityListeners(StoredRowListener.class)
@Table(name = "report_settings")
public class StoredMailboxSettings {

	static final long ONLY = 1L;

	@Id
	private Long id = ONLY;

	@Column(nullable = false)
	private String host;

	@Column(nullable = false)
	private int port;

	@Column(nullable = false)
	private String username;

	@Column(name = "password_sealed", nullable = false, length = 1000)
	private String passwordSealed;

	@Column(nullable = false)
	private String folder;

	@Column(name = "server_name")
	private String serverName;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected StoredMailboxSettings() {
	}

	StoredMailboxSettings(String host, int port, String username, String passwordSealed, String folder,
			String serverName, Instant updatedAt) {
		this.host = host;
		this.port = port;
		this.username = username;
		this.passwordSealed = passwordSealed;
		this.folder = folder;
		this.serverName = serverName;
		this.updatedAt = updatedAt;
	}

	public String getHost() {
		return this.host;
	}

	public int getPort() {
		return this.port;
	}

	public String getUsername() {
		return this.username;
	}

	String getPasswordSealed() {
		return this.passwordSealed;
	}

	public String getFolder() {
		return this.folder;
	}

	public String getServerName() {
		return this.serverName;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
