package postern.host;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A server Postern manages over SSH: where it is, how to log in (a key file, never a
 * password), its own sudo prefix, and its host key. It is used only once the admin has
 * confirmed the fingerprint read when it was added.
 */
@Entity
@Table(name = "remote_host")
public class RemoteHost {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 64, unique = true)
	private String name;

	@Column(nullable = false, length = 253)
	private String address;

	@Column(nullable = false)
	private int port;

	@Column(name = "user_name", nullable = false, length = 32)
	private String user;

	@Column(name = "key_file", nullable = false, length = 4096)
	private String keyFile;

	@Column(name = "sudo_prefix", length = 500)
	private String sudoPrefix;

	@Column(name = "offered_fingerprint", length = 100)
	private String offeredFingerprint;

	@Column(name = "host_key_fingerprint", length = 100)
	private String hostKeyFingerprint;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected RemoteHost() {
	}

	RemoteHost(HostParameters parameters, String offeredFingerprint, Instant createdAt) {
		change(parameters);
		this.offeredFingerprint = offeredFingerprint;
		this.createdAt = createdAt;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public String getAddress() {
		return this.address;
	}

	public int getPort() {
		return this.port;
	}

	public String getUser() {
		return this.user;
	}

	public String getKeyFile() {
		return this.keyFile;
	}

	/**
	 * The words put before the system tools on this host, as the admin typed them.
	 * @return space-separated words, or {@code null} to keep
	 * {@code postern.systemctl.command-prefix}
	 */
	public String getSudoPrefix() {
		return this.sudoPrefix;
	}

	/**
	 * The fingerprint read from the server and not confirmed yet.
	 * @return e.g. {@code SHA256:...}, or {@code null} once confirmed
	 */
	public String getOfferedFingerprint() {
		return this.offeredFingerprint;
	}

	/**
	 * The confirmed fingerprint: the only host key accepted.
	 * @return e.g. {@code SHA256:...}, or {@code null} while none is confirmed
	 */
	public String getHostKeyFingerprint() {
		return this.hostKeyFingerprint;
	}

	/**
	 * Whether its host key was confirmed, so Postern may log in to it.
	 * @return {@code true} once trusted
	 */
	public boolean isTrusted() {
		return this.hostKeyFingerprint != null;
	}

	/**
	 * The id the host switcher and the URLs use.
	 * @return the database id as text
	 */
	public String getKey() {
		return String.valueOf(this.id);
	}

	SshHost.Target target() {
		return new SshHost.Target(this.address, this.port, this.user, Path.of(this.keyFile), this.hostKeyFingerprint);
	}

	HostOverrides overrides() {
		return new HostOverrides(sudoPrefixWords());
	}

	private List<String> sudoPrefixWords() {
		return (this.sudoPrefix != null) ? Arrays.asList(this.sudoPrefix.split(" ")) : null;
	}

	void change(HostParameters parameters) {
		this.name = parameters.name();
		this.address = parameters.address();
		this.port = parameters.port();
		this.user = parameters.user();
		this.keyFile = parameters.keyFile().toString();
		this.sudoPrefix = (parameters.sudoPrefix() != null) ? String.join(" ", parameters.sudoPrefix()) : null;
	}

	/**
	 * A new host key to confirm (the host was added, or moved to another address): the
	 * old trust no longer holds.
	 */
	void offer(String fingerprint) {
		this.offeredFingerprint = fingerprint;
		this.hostKeyFingerprint = null;
	}

	void confirm() {
		this.hostKeyFingerprint = this.offeredFingerprint;
		this.offeredFingerprint = null;
	}

}
