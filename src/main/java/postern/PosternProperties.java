package postern;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.validation.annotation.Validated;

/**
 * Every {@code postern.*} setting, bound from {@code application.yml} and validated at
 * start. The defaults (in {@code application.yml}) follow the reference server; tests
 * point paths and binaries at their own server root.
 *
 * @param dataDir where Postern keeps its database and, by default, its backups
 * @param maddy the mail server
 * @param caddy the web server
 * @param units the systemd units of the two servers
 * @param systemctl how {@code systemctl}, {@code journalctl}, {@code fail2ban-client} and
 * {@code ufw} are run
 * @param backups where and how many backups of managed files are kept
 * @param server the server's public addresses, when detection should not be used
 * @param dns resolvers used by the health checks
 * @param health health check schedule, ports and extra trusted CAs
 * @param security login protection and sessions
 */
@Validated
@ConfigurationProperties("postern")
public record PosternProperties(@NotNull Path dataDir, @Valid @NotNull Maddy maddy, @Valid @NotNull Caddy caddy,
		@Valid @NotNull Units units, @Valid @NotNull Systemctl systemctl, @Valid @NotNull Backups backups,
		@Valid @NotNull Server server, @Valid @NotNull Dns dns, @Valid @NotNull Health health,
		@Valid @NotNull Security security) {

	/**
	 * maddy's binary, files and the prefix its CLI runs under.
	 *
	 * @param binary the maddy executable
	 * @param config maddy.conf
	 * @param aliases the aliases file read by maddy's {@code table.file}
	 * @param stateDir maddy's state directory (DKIM keys live in {@code dkim_keys/})
	 * @param certDir where the MX certificate is, as
	 * {@code <cert-dir>/<mx-host>/fullchain.pem}
	 * @param commandPrefix argv put before the binary, e.g. {@code sudo -n -u maddy};
	 * empty for none
	 * @param environment {@code NAME=value} pairs: what {@code {env:NAME}} placeholders
	 * of maddy.conf stand for, where Postern cannot read maddy's unit (a container); they
	 * come before the unit's own {@code Environment=} and {@code EnvironmentFile=}
	 */
	public record Maddy(@NotNull Path binary, @NotNull Path config, @NotNull Path aliases, @NotNull Path stateDir,
			@NotNull Path certDir, @NotNull List<String> commandPrefix,
			List<@Pattern(regexp = ENVIRONMENT_PAIR, message = "must be NAME=value") String> environment) {

		/** One variable of maddy's environment as a setting writes it. */
		public static final String ENVIRONMENT_PAIR = "[A-Za-z_][A-Za-z0-9_]*=\\S*";

		@ConstructorBinding
		public Maddy {
			environment = (environment != null) ? List.copyOf(environment) : List.of();
		}

		public Maddy(Path binary, Path config, Path aliases, Path stateDir, Path certDir, List<String> commandPrefix) {
			this(binary, config, aliases, stateDir, certDir, commandPrefix, List.of());
		}

		/**
		 * The variables of {@link #environment()}.
		 * @return each name with its value; the last pair of a name wins
		 */
		public Map<String, String> environmentVariables() {
			Map<String, String> variables = new LinkedHashMap<>();
			for (String pair : this.environment) {
				int equals = pair.indexOf('=');
				if (equals > 0) {
					variables.put(pair.substring(0, equals), pair.substring(equals + 1));
				}
			}
			return variables;
		}

	}

	/**
	 * Caddy's binary, Caddyfile, web root and how it is reloaded.
	 *
	 * @param binary the caddy executable
	 * @param caddyfile the Caddyfile Postern edits
	 * @param webRoot every static site's root must stay inside this folder
	 * @param dataDir Caddy's storage (certificates it obtained)
	 * @param reload how a changed Caddyfile is applied
	 * @param adminUrl Caddy's admin API, used by the {@code admin-api} strategy
	 * @param environment the variables Caddy's own unit runs with, {@code NAME=value}
	 * each (its {@code {$VAR}} placeholders are expanded from them); {@code caddy} runs
	 * with these and no other, never with Postern's
	 */
	public record Caddy(@NotNull Path binary, @NotNull Path caddyfile, @NotNull Path webRoot, @NotNull Path dataDir,
			@NotNull CaddyReload reload, @NotNull URI adminUrl,
			List<@Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]*=[^\\x00]*",
					message = "must be NAME=value") String> environment) {

		@ConstructorBinding
		public Caddy {
			environment = (environment != null) ? List.copyOf(environment) : List.of();
		}

		public Caddy(Path binary, Path caddyfile, Path webRoot, Path dataDir, CaddyReload reload, URI adminUrl) {
			this(binary, caddyfile, webRoot, dataDir, reload, adminUrl, List.of());
		}

		/**
		 * Caddy's environment as variables.
		 * @return each name with its value, in the order given
		 */
		public Map<String, String> environmentVariables() {
			Map<String, String> variables = new LinkedHashMap<>();
			for (String entry : this.environment) {
				int equals = entry.indexOf('=');
				variables.put(entry.substring(0, equals), entry.substring(equals + 1));
			}
			return variables;
		}

	}

	/**
	 * How Caddy takes a new configuration.
	 */
	public enum CaddyReload {

		/** {@code systemctl reload} of the Caddy unit. */
		SYSTEMCTL,

		/** {@code caddy reload --config <Caddyfile> --adapter caddyfile}. */
		CADDY_CLI,

		/**
		 * {@code caddy adapt} locally, then a POST of the JSON to the admin API's
		 * {@code /load}.
		 */
		ADMIN_API

	}

	/**
	 * The systemd units of the managed servers.
	 *
	 * @param caddy Caddy's unit
	 * @param maddy maddy's unit
	 */
	public record Units(@NotBlank String caddy, @NotBlank String maddy) {
	}

	/**
	 * How service commands are run.
	 *
	 * @param commandPrefix argv put before {@code systemctl}, {@code journalctl},
	 * {@code fail2ban-client} and {@code ufw}; empty for none
	 * @param timeout how long a status command ({@code systemctl show},
	 * {@code journalctl}, {@code fail2ban-client status}, {@code ufw status}) may run
	 * before it is killed; reload and restart get their own, longer time
	 */
	public record Systemctl(@NotNull List<String> commandPrefix, @NotNull Duration timeout) {
	}

	/**
	 * Backups of managed files, taken before every write.
	 *
	 * @param dir the folder holding them (on the managed host)
	 * @param keep how many backups are kept per file
	 */
	public record Backups(@NotNull Path dir, @Min(1) @Max(1000) int keep) {
	}

	/**
	 * The server's public addresses; empty means detected from the host's global
	 * addresses.
	 *
	 * @param ipv4 the public IPv4 address
	 * @param ipv6 the public IPv6 address
	 * @param sshPort the port SSH listens on, which the firewall must let in
	 */
	public record Server(
			@Pattern(regexp = "|(\\d{1,3}\\.){3}\\d{1,3}", message = "must be an IPv4 address") String ipv4,
			@Pattern(regexp = "|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*", message = "must be an IPv6 address") String ipv6,
			@Min(1) @Max(65535) int sshPort) {
	}

	/**
	 * DNS resolution for the health checks.
	 *
	 * @param resolvers {@code host:port} of each resolver; empty means the system
	 * resolver
	 * @param timeout how long one query may take
	 * @param trustAnchors a file of DS or DNSKEY lines: when set, DNSSEC is validated in
	 * Postern rather than read from the resolver's authenticated-data flag
	 * @param askAuthoritative whether each domain's name servers are also asked directly,
	 * to find servers that disagree
	 */
	public record Dns(@NotNull List<String> resolvers, @NotNull Duration timeout, Path trustAnchors,
			boolean askAuthoritative) {
	}

	/**
	 * Health checks.
	 *
	 * @param schedule how often the checks run in the background
	 * @param ports the ports probed for TLS
	 * @param trustStore an extra PEM or PKCS12 file of trusted CAs, or none
	 * @param alertWebhook where alerts are posted (ntfy style: the text as body, a
	 * {@code Title} header), or none
	 * @param alertMail the submission account alerts are mailed through, if any
	 * @param firstRunDelay when no run is stored, how long after start-up (or after a
	 * host is added) the first run starts by itself; zero never
	 */
	public record Health(@NotNull Duration schedule, @Valid @NotNull Ports ports, Path trustStore, URI alertWebhook,
			@Valid @NotNull AlertMail alertMail, @NotNull Duration firstRunDelay) {
	}

	/**
	 * A mail submission account (STARTTLS, then AUTH PLAIN) that health alerts are sent
	 * through.
	 *
	 * @param host the submission server; empty for no mail alerts
	 * @param port its port
	 * @param username the account, or empty to send without logging in
	 * @param password its password
	 * @param from the sender address
	 * @param to the recipient address
	 */
	public record AlertMail(String host, @Min(1) @Max(65535) int port, String username, String password, String from,
			String to) {

		/**
		 * Whether alerts are mailed.
		 * @return {@code true} when a host and a recipient are set
		 */
		public boolean enabled() {
			return this.host != null && !this.host.isBlank() && this.to != null && !this.to.isBlank();
		}

	}

	/**
	 * Ports probed by the TLS checks.
	 *
	 * @param smtp SMTP with STARTTLS
	 * @param submission submission with STARTTLS
	 * @param smtps submission over implicit TLS
	 * @param imaps IMAP over implicit TLS
	 * @param https the web sites
	 */
	public record Ports(@Min(1) @Max(65535) int smtp, @Min(1) @Max(65535) int submission, @Min(1) @Max(65535) int smtps,
			@Min(1) @Max(65535) int imaps, @Min(1) @Max(65535) int https) {
	}

	/**
	 * Login protection and sessions.
	 *
	 * @param lockoutAttempts failed logins after which an account is locked
	 * @param lockoutDuration how long a locked account stays locked
	 * @param sessionTimeout idle time after which a session ends
	 * @param requireTotp whether every admin must use a second factor
	 * @param trustedProxies addresses of the reverse proxies whose
	 * {@code X-Forwarded-For} and {@code X-Forwarded-Proto} headers are believed; every
	 * other client's are ignored
	 */
	public record Security(@Min(1) int lockoutAttempts, @NotNull Duration lockoutDuration,
			@NotNull Duration sessionTimeout, boolean requireTotp, @NotNull List<@Pattern(regexp = "[0-9A-Fa-f:.]+",
					message = "must be an IP address") String> trustedProxies) {
	}

}
