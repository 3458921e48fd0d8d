package postern.reports.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The fields of {@code /reports/settings}. The password is never filled back in.
 */
public class MailboxSettingsForm {

	/** A host name or an IP address. */
	static final String HOST = "|[A-Za-z0-9]([A-Za-z0-9-]{0,62}\\.)*[A-Za-z0-9-]{1,63}|\\[?[0-9A-Fa-f:.]+\\]?";

	@Size(max = 253)
	@Pattern(regexp = HOST, message = "{reports.settings.invalid.host}")
	private String host = "";

	@NotNull
	@Min(1)
	@Max(65535)
	private Integer port = 993;

	@NotBlank
	@Size(max = 254)
	@Pattern(regexp = "[^@\\s\"'`;]+@[A-Za-z0-9.-]+", message = "{reports.settings.invalid.username}")
	private String username = "";

	@Size(max = 200)
	private String password = "";

	@NotBlank
	@Size(max = 100)
	@Pattern(regexp = "(?!.*\\.\\.)(?!/)[A-Za-z0-9 ._/-]+", message = "{reports.settings.invalid.folder}")
	private String folder = "INBOX";

	@Size(max = 253)
	@Pattern(regexp = "|[A-Za-z0-9]([A-Za-z0-9-]{0,62}\\.)*[A-Za-z0-9-]{1,63}",
			message = "{reports.settings.invalid.server-name}")
	private String serverName = "";

	public String getHost() {
		return this.host;
	}

	public void setHost(String host) {
		this.host = (host == null) ? "" : host.strip();
	}

	public Integer getPort() {
		return this.port;
	}

	public void setPort(Integer port) {
		this.port = port;
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(String username) {
		this.username = (username == null) ? "" : username.strip();
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = (password == null) ? "" : password;
	}

	public String getFolder() {
		return this.folder;
	}

	public void setFolder(String folder) {
		this.folder = (folder == null) ? "" : folder.strip();
	}

	public String getServerName() {
		return this.serverName;
	}

	public void setServerName(String serverName) {
		this.serverName = (serverName == null) ? "" : serverName.strip();
	}

}
