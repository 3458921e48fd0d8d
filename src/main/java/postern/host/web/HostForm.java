package postern.host.web;

import java.nio.file.Path;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import postern.host.HostParameters;
import postern.host.RemoteHost;

/**
 * The form to add or change a remote host. The passphrase is never shown back nor stored:
 * it stays in memory for the connection.
 */
class HostForm {

	/**
	 * A host name of dot-separated labels, an IPv4 address, or an IPv6 address (without
	 * brackets). Nothing else: no user part, no port, no spaces or options.
	 */
	static final String ADDRESS = "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
			+ "|[0-9A-Fa-f]{0,4}(:[0-9A-Fa-f]{0,4}){2,7}";

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

	static HostForm from(RemoteHost host) {
		HostForm form = new HostForm();
		form.setName(host.getName());
		form.setAddress(host.getAddress());
		form.setPort(host.getPort());
		form.setUser(host.getUser());
		form.setKeyFile(host.getKeyFile());
		form.setSudoPrefix(host.getSudoPrefix());
		return form;
	}

	/**
	 * What the service needs; call once the form is valid.
	 * @return the parameters
	 */
	HostParameters toParameters() {
		return new HostParameters(this.name.strip(), this.address.strip(), this.port, this.user.strip(),
				Path.of(this.keyFile), (this.sudoPrefix == null || this.sudoPrefix.isBlank()) ? null
						: SudoPrefix.Validator.words(this.sudoPrefix));
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

}
