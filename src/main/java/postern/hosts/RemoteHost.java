package postern.hosts;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import postern.host.HostOverrides;
import postern.host.HostSetting;
import postern.host.SshHost;
import postern.infrastructure.StoredRowListener;

/**
 * A server Postern manages over SSH: where it is, how to log in (a key file, never a
 * password), the settings it has of its own (paths, units, prefixes), and its host key.
 * It is used only once the admin has confirmed the fingerprint read when it was added.
 */
@Entity
@EntityListeners(StoredRowListener.class)
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

	@Column(name = "maddy_binary", length = 1024)
	private String maddyBinary;

	@Column(name = "maddy_config", length = 1024)
	private String maddyConfig;

	@Column(name = "maddy_aliases", length = 1024)
	private String maddyAliases;

	@Column(name = "maddy_state_dir", length = 1024)
	private String maddyStateDir;

	@Column(name = "maddy_cert_dir", length = 1024)
	private String maddyCertDir;

	@Column(name = "maddy_prefix", length = 500)
	private String maddyPrefix;

	@Column(name = "maddy_environment", length = 2000)
	private String maddyEnvironment;

	@Column(name = "caddy_binary", length = 1024)
	private String caddyBinary;

	@Column(name = "caddyfile", length = 1024)
	private String caddyfile;

	@Column(name = "caddy_web_root", length = 1024)
	private String caddyWebRoot;

	@Column(name = "caddy_data_dir", length = 1024)
	private String caddyDataDir;

	@Column(name = "caddy_reload", length = 20)
	private String caddyReload;

	@Column(name = "caddy_unit", length = 100)
	private String caddyUnit;

	@Column(name = "maddy_unit", length = 100)
	private String maddyUnit;

	@Column(name = "backups_dir", length = 1024)
	private String backupsDir;

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

	/**
	 * The settings this host has of its own.
	 * @return its overrides, {@link HostOverrides#NONE none} when it keeps every
	 * application setting
	 */
	public HostOverrides getOverrides() {
		Map<HostSetting, String> values = new EnumMap<>(HostSetting.class);
		for (HostSetting setting : HostSetting.values()) {
			String value = column(setting);
			if (value != null) {
				values.put(setting, value);
			}
		}
		return new HostOverrides(values);
	}

	private String column(HostSetting setting) {
		return switch (setting) {
			case MADDY_BINARY -> this.maddyBinary;
			case MADDY_CONFIG -> this.maddyConfig;
			case MADDY_ALIASES -> this.maddyAliases;
			case MADDY_STATE_DIR -> this.maddyStateDir;
			case MADDY_CERT_DIR -> this.maddyCertDir;
			case MADDY_PREFIX -> this.maddyPrefix;
			case MADDY_ENVIRONMENT -> this.maddyEnvironment;
			case CADDY_BINARY -> this.caddyBinary;
			case CADDYFILE -> this.caddyfile;
			case CADDY_WEB_ROOT -> this.caddyWebRoot;
			case CADDY_DATA_DIR -> this.caddyDataDir;
			case CADDY_RELOAD -> this.caddyReload;
			case CADDY_UNIT -> this.caddyUnit;
			case MADDY_UNIT -> this.maddyUnit;
			case SYSTEM_PREFIX -> this.sudoPrefix;
			case BACKUPS_DIR -> this.backupsDir;
		};
	}

	private void overrides(HostOverrides overrides) {
		this.maddyBinary = overrides.get(HostSetting.MADDY_BINARY).orElse(null);
		this.maddyConfig = overrides.get(HostSetting.MADDY_CONFIG).orElse(null);
		this.maddyAliases = overrides.get(HostSetting.MADDY_ALIASES).orElse(null);
		this.maddyStateDir = overrides.get(HostSetting.MADDY_STATE_DIR).orElse(null);
		this.maddyCertDir = overrides.get(HostSetting.MADDY_CERT_DIR).orElse(null);
		this.maddyPrefix = overrides.get(HostSetting.MADDY_PREFIX).orElse(null);
		this.maddyEnvironment = overrides.get(HostSetting.MADDY_ENVIRONMENT).orElse(null);
		this.caddyBinary = overrides.get(HostSetting.CADDY_BINARY).orElse(null);
		this.caddyfile = overrides.get(HostSetting.CADDYFILE).orElse(null);
		this.caddyWebRoot = overrides.get(HostSetting.CADDY_WEB_ROOT).orElse(null);
		this.caddyDataDir = overrides.get(HostSetting.CADDY_DATA_DIR).orElse(null);
		this.caddyReload = overrides.get(HostSetting.CADDY_RELOAD).orElse(null);
		this.caddyUnit = overrides.get(HostSetting.CADDY_UNIT).orElse(null);
		this.maddyUnit = overrides.get(HostSetting.MADDY_UNIT).orElse(null);
		this.sudoPrefix = overrides.get(HostSetting.SYSTEM_PREFIX).orElse(null);
		this.backupsDir = overrides.get(HostSetting.BACKUPS_DIR).orElse(null);
	}

	void change(HostParameters parameters) {
		this.name = parameters.name();
		this.address = parameters.address();
		this.port = parameters.port();
		this.user = parameters.user();
		this.keyFile = parameters.keyFile().toString();
		overrides(parameters.overrides());
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
