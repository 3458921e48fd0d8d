package postern.reports;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code postern.reports.*} settings: the reports mailbox and how often it is read.
 * Values saved on {@code /reports/settings} take their place.
 *
 * @param imap the mailbox
 * @param fetchEvery how often the mailbox is read; zero for never
 */
@Validated
@ConfigurationProperties("postern.reports")
public record ReportsProperties(@Valid @NotNull Imap imap, @NotNull Duration fetchEvery) {

	/**
	 * The reports mailbox, read over IMAPS.
	 *
	 * @param host the IMAP server; empty for the MX host of maddy.conf
	 * @param port its IMAPS port
	 * @param username the login, which is also the address reports are sent to
	 * @param password the password
	 * @param folder the folder reports arrive in
	 * @param serverName the name the certificate must carry; empty for the host
	 */
	public record Imap(String host, @Min(1) @Max(65535) int port, String username, String password,
			@NotNull String folder, String serverName) {
	}

}
