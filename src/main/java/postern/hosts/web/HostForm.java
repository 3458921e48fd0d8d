package postern.hosts.web;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import postern.PosternProperties;
import postern.host.HostOverrides;
import postern.hosts.HostParameters;
import postern.host.HostSetting;
import postern.host.ServerSettings;
import postern.hosts.RemoteHost;

/**
 * The form to add or change a remote host. The passphrase is never shown back nor stored:
 * it stays in memory for the connection. The settings of that server (paths, units,
 * prefixes) are blank unless it differs from the application's.
 */
class HostForm {

	/**
	 * A host name of dot-separated labels, an IPv4 address, or an IPv6 address (without
	 * brackets). Nothing else: no user part, no port, no spaces or options.
	 */
	static final String ADDRESS = "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
			+ "|[0-9A-Fa-f]{0,4}(:[0-9A-Fa-f]{0,4}){2,7}";

	/**
	 * A service unit as systemd names it: letters, digits, {@code _ . -}, at most one
	 * {@code @} with an instance after it, then {@code .service}. Blank keeps the
	 * application's unit.
	 */
	static final String UNIT = " *| *[A-Za-z0-9][A-Za-z0-9_.-]{0,63}(@[A-Za-z0-9_.-]{1,64})?\\.service *";

	/**
	 * maddy's environment as the host form takes it: {@code NAME=value} pairs separated
	 * by spaces, values made of the characters of names, addresses and ports. Blank keeps
	 * the application's.
	 */
	static final String ENVIRONMENT = " *| *([A-Za-z_][A-Za-z0-9_]*=[A-Za-z0-9._:@/+,-]*)( +[A-Za-z_][A-Za-z0-9_]*=[A-Za-z0-9._:@/+,-]*)* *";

	@NotBlank
	@Size(max = 64)
	@Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}", message = "{hosts.error.name}")
	private String name;

	@NotBlank
	@Pattern(regexp = ADDRESS, message = "{hosts.error.address}")
	private String address;

	@NotNull(message = "{hosts.error.port}")
	@Min(value = 1, message = "{hosts.error.port}")
	@Max(value = 65535, message = "{hosts.error.port}")
	private Integer port = 22;

	@NotBlank
	@Pattern(regexp = "[a-z_][a-z0-9_-]{0,31}", message = "{hosts.error.user}")
	private String user;

	@NotBlank
	@Size(max = 4096)
	@KeyFile
	private String keyFile;

	@Size(max = 500)
	@SudoPrefix
	private String sudoPrefix;

	@Size(max = 1024)
	private String passphrase;

	@HostPath
	private String maddyBinary;

	@HostPath
	private String maddyConfig;

	@HostPath
	private String maddyAliases;

	@HostPath
	private String maddyStateDir;

	@HostPath
	private String maddyCertDir;

	@Size(max = 500)
	@SudoPrefix(none = true)
	private String maddyPrefix;

	@Size(max = 2000)
	@Pattern(regexp = ENVIRONMENT, message = "{hosts.error.maddyEnvironment}")
	private String maddyEnvironment;

	@HostPath
	private String caddyBinary;

	@HostPath
	private String caddyfile;

	@HostPath
	private String caddyWebRoot;

	@HostPath
	private String caddyDataDir;

	@Pattern(regexp = " *| *(systemctl|caddy-cli) *", message = "{hosts.error.caddyReload}")
	private String caddyReload;

	@Pattern(regexp = UNIT, message = "{hosts.error.unit}")
	private String caddyUnit;

	@Pattern(regexp = UNIT, message = "{hosts.error.unit}")
	private String maddyUnit;

	@HostPath
	private String backupsDir;

	static HostForm from(RemoteHost host) {
		HostForm form = new HostForm();
		form.setName(host.getName());
		form.setAddress(host.getAddress());
		form.setPort(host.getPort());
		form.setUser(host.getUser());
		form.setKeyFile(host.getKeyFile());
		HostOverrides overrides = host.getOverrides();
		form.setSudoPrefix(overrides.get(HostSetting.SYSTEM_PREFIX).orElse(null));
		form.setMaddyBinary(overrides.get(HostSetting.MADDY_BINARY).orElse(null));
		form.setMaddyConfig(overrides.get(HostSetting.MADDY_CONFIG).orElse(null));
		form.setMaddyAliases(overrides.get(HostSetting.MADDY_ALIASES).orElse(null));
		form.setMaddyStateDir(overrides.get(HostSetting.MADDY_STATE_DIR).orElse(null));
		form.setMaddyCertDir(overrides.get(HostSetting.MADDY_CERT_DIR).orElse(null));
		form.setMaddyPrefix(overrides.get(HostSetting.MADDY_PREFIX)
			.map((prefix) -> prefix.isEmpty() ? SudoPrefix.NONE : prefix)
			.orElse(null));
		form.setMaddyEnvironment(overrides.get(HostSetting.MADDY_ENVIRONMENT).orElse(null));
		form.setCaddyBinary(overrides.get(HostSetting.CADDY_BINARY).orElse(null));
		form.setCaddyfile(overrides.get(HostSetting.CADDYFILE).orElse(null));
		form.setCaddyWebRoot(overrides.get(HostSetting.CADDY_WEB_ROOT).orElse(null));
		form.setCaddyDataDir(overrides.get(HostSetting.CADDY_DATA_DIR).orElse(null));
		form.setCaddyReload(overrides.get(HostSetting.CADDY_RELOAD).orElse(null));
		form.setCaddyUnit(overrides.get(HostSetting.CADDY_UNIT).orElse(null));
		form.setMaddyUnit(overrides.get(HostSetting.MADDY_UNIT).orElse(null));
		form.setBackupsDir(overrides.get(HostSetting.BACKUPS_DIR).orElse(null));
		return form;
	}

	/**
	 * Whether a field of the server's settings is left blank, keeping the application's
	 * setting. Only spaces count as blank: a tab or a line break is refused as a value.
	 * @param value the text typed
	 * @return {@code true} for nothing or spaces only
	 */
	static boolean blank(String value) {
		return value == null || value.chars().allMatch((c) -> c == ' ');
	}

	/**
	 * A value without the spaces around it (and only spaces: any other blank character is
	 * left for the checks to refuse).
	 * @param value a value that is not {@link #blank(String) blank}
	 * @return the value, trimmed of spaces
	 */
	static String trimSpaces(String value) {
		int start = 0;
		int end = value.length();
		while (start < end && value.charAt(start) == ' ') {
			start++;
		}
		while (end > start && value.charAt(end - 1) == ' ') {
			end--;
		}
		return value.substring(start, end);
	}

	/**
	 * What the service needs; call once the form is valid.
	 * @return the parameters
	 */
	HostParameters toParameters() {
		return new HostParameters(this.name.strip(), this.address.strip(), this.port, this.user.strip(),
				Path.of(this.keyFile), overrides());
	}

	/**
	 * The settings typed for this server; blank fields keep the application's.
	 */
	private HostOverrides overrides() {
		Map<HostSetting, String> values = new EnumMap<>(HostSetting.class);
		values.put(HostSetting.SYSTEM_PREFIX, prefix(this.sudoPrefix));
		values.put(HostSetting.MADDY_PREFIX, prefix(this.maddyPrefix));
		values.put(HostSetting.MADDY_BINARY, value(this.maddyBinary));
		values.put(HostSetting.MADDY_CONFIG, value(this.maddyConfig));
		values.put(HostSetting.MADDY_ALIASES, value(this.maddyAliases));
		values.put(HostSetting.MADDY_STATE_DIR, value(this.maddyStateDir));
		values.put(HostSetting.MADDY_CERT_DIR, value(this.maddyCertDir));
		values.put(HostSetting.MADDY_ENVIRONMENT, environment(this.maddyEnvironment));
		values.put(HostSetting.CADDY_BINARY, value(this.caddyBinary));
		values.put(HostSetting.CADDYFILE, value(this.caddyfile));
		values.put(HostSetting.CADDY_WEB_ROOT, value(this.caddyWebRoot));
		values.put(HostSetting.CADDY_DATA_DIR, value(this.caddyDataDir));
		values.put(HostSetting.CADDY_RELOAD, value(this.caddyReload));
		values.put(HostSetting.CADDY_UNIT, value(this.caddyUnit));
		values.put(HostSetting.MADDY_UNIT, value(this.maddyUnit));
		values.put(HostSetting.BACKUPS_DIR, value(this.backupsDir));
		return new HostOverrides(values);
	}

	private static String value(String typed) {
		return blank(typed) ? null : trimSpaces(typed);
	}

	/**
	 * A prefix as stored: its words joined by one space, or an empty text for
	 * {@value SudoPrefix#NONE}.
	 */
	private static String environment(String typed) {
		return blank(typed) ? null : String.join(" ", HostOverrides.words(trimSpaces(typed)));
	}

	private static String prefix(String typed) {
		if (blank(typed)) {
			return null;
		}
		return SudoPrefix.NONE.equals(trimSpaces(typed)) ? "" : String.join(" ", SudoPrefix.Validator.words(typed));
	}

	/**
	 * Whether a value was typed in one of the server's settings, so the form shows them
	 * open.
	 * @return {@code true} when at least one is set
	 */
	public boolean isServerSettingsSet() {
		return !overrides().values().isEmpty();
	}

	/**
	 * The server's settings the form shows as text fields, in its order: what was typed
	 * in each, and the application's setting it stands in for, shown as the placeholder.
	 * The page draws them in one loop: drawn through a fragment each, they took a third
	 * of the page's time.
	 * @param defaults the application's settings
	 * @return the fields
	 */
	public List<SettingField> settingFields(ServerSettings defaults) {
		PosternProperties.Maddy maddy = defaults.maddy();
		PosternProperties.Caddy caddy = defaults.caddy();
		return List.of(new SettingField("sudoPrefix", this.sudoPrefix, words(defaults.systemPrefix())),
				new SettingField("maddyBinary", this.maddyBinary, text(maddy.binary())),
				new SettingField("maddyConfig", this.maddyConfig, text(maddy.config())),
				new SettingField("maddyAliases", this.maddyAliases, text(maddy.aliases())),
				new SettingField("maddyStateDir", this.maddyStateDir, text(maddy.stateDir())),
				new SettingField("maddyCertDir", this.maddyCertDir, text(maddy.certDir())),
				new SettingField("maddyPrefix", this.maddyPrefix,
						maddy.commandPrefix().isEmpty() ? SudoPrefix.NONE : words(maddy.commandPrefix())),
				new SettingField("maddyEnvironment", this.maddyEnvironment, words(maddy.environment())),
				new SettingField("maddyUnit", this.maddyUnit, defaults.units().maddy()),
				new SettingField("caddyBinary", this.caddyBinary, text(caddy.binary())),
				new SettingField("caddyfile", this.caddyfile, text(caddy.caddyfile())),
				new SettingField("caddyWebRoot", this.caddyWebRoot, text(caddy.webRoot())),
				new SettingField("caddyDataDir", this.caddyDataDir, text(caddy.dataDir())),
				new SettingField("caddyUnit", this.caddyUnit, defaults.units().caddy()),
				new SettingField("backupsDir", this.backupsDir, text(defaults.backups().dir())));
	}

	private static String text(Path path) {
		return (path != null) ? path.toString() : null;
	}

	private static String words(List<String> words) {
		return (words != null) ? String.join(" ", words) : null;
	}

	/**
	 * The passphrase typed, if any.
	 * @return its characters, or {@code null}
	 */
	char[] passphraseChars() {
		return (this.passphrase == null || this.passphrase.isEmpty()) ? null : this.passphrase.toCharArray();
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getAddress() {
		return this.address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public Integer getPort() {
		return this.port;
	}

	public void setPort(Integer port) {
		this.port = port;
	}

	public String getUser() {
		return this.user;
	}

	public void setUser(String user) {
		this.user = user;
	}

	public String getKeyFile() {
		return this.keyFile;
	}

	public void setKeyFile(String keyFile) {
		this.keyFile = keyFile;
	}

	public String getSudoPrefix() {
		return this.sudoPrefix;
	}

	public void setSudoPrefix(String sudoPrefix) {
		this.sudoPrefix = sudoPrefix;
	}

	public String getPassphrase() {
		return this.passphrase;
	}

	public void setPassphrase(String passphrase) {
		this.passphrase = passphrase;
	}

	public String getMaddyBinary() {
		return this.maddyBinary;
	}

	public void setMaddyBinary(String maddyBinary) {
		this.maddyBinary = maddyBinary;
	}

	public String getMaddyConfig() {
		return this.maddyConfig;
	}

	public void setMaddyConfig(String maddyConfig) {
		this.maddyConfig = maddyConfig;
	}

	public String getMaddyAliases() {
		return this.maddyAliases;
	}

	public void setMaddyAliases(String maddyAliases) {
		this.maddyAliases = maddyAliases;
	}

	public String getMaddyStateDir() {
		return this.maddyStateDir;
	}

	public void setMaddyStateDir(String maddyStateDir) {
		this.maddyStateDir = maddyStateDir;
	}

	public String getMaddyCertDir() {
		return this.maddyCertDir;
	}

	public void setMaddyCertDir(String maddyCertDir) {
		this.maddyCertDir = maddyCertDir;
	}

	public String getMaddyPrefix() {
		return this.maddyPrefix;
	}

	public void setMaddyPrefix(String maddyPrefix) {
		this.maddyPrefix = maddyPrefix;
	}

	public String getMaddyEnvironment() {
		return this.maddyEnvironment;
	}

	public void setMaddyEnvironment(String maddyEnvironment) {
		this.maddyEnvironment = maddyEnvironment;
	}

	public String getCaddyBinary() {
		return this.caddyBinary;
	}

	public void setCaddyBinary(String caddyBinary) {
		this.caddyBinary = caddyBinary;
	}

	public String getCaddyfile() {
		return this.caddyfile;
	}

	public void setCaddyfile(String caddyfile) {
		this.caddyfile = caddyfile;
	}

	public String getCaddyWebRoot() {
		return this.caddyWebRoot;
	}

	public void setCaddyWebRoot(String caddyWebRoot) {
		this.caddyWebRoot = caddyWebRoot;
	}

	public String getCaddyDataDir() {
		return this.caddyDataDir;
	}

	public void setCaddyDataDir(String caddyDataDir) {
		this.caddyDataDir = caddyDataDir;
	}

	public String getCaddyReload() {
		return this.caddyReload;
	}

	public void setCaddyReload(String caddyReload) {
		this.caddyReload = caddyReload;
	}

	public String getCaddyUnit() {
		return this.caddyUnit;
	}

	public void setCaddyUnit(String caddyUnit) {
		this.caddyUnit = caddyUnit;
	}

	public String getMaddyUnit() {
		return this.maddyUnit;
	}

	public void setMaddyUnit(String maddyUnit) {
		this.maddyUnit = maddyUnit;
	}

	public String getBackupsDir() {
		return this.backupsDir;
	}

	public void setBackupsDir(String backupsDir) {
		this.backupsDir = backupsDir;
	}

	/**
	 * A text field of the server's settings.
	 *
	 * @param name the form's field
	 * @param value what was typed, or {@code null}
	 * @param placeholder the application's setting, or {@code null}
	 */
	public record SettingField(String name, String value, String placeholder) {

		/**
		 * The key of the field's label.
		 * @return {@code hosts.field.} and the field
		 */
		public String labelKey() {
			return "hosts.field." + this.name;
		}

		/**
		 * The key of the hint under the field.
		 * @return the label's key and {@code .hint}
		 */
		public String hintKey() {
			return labelKey() + ".hint";
		}

	}

}
