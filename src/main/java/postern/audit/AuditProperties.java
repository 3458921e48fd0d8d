package postern.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the logs keep their entries.
 *
 * @param commandLogRetention how long a command that only read stays in the command log;
 * the audit log of actions keeps everything
 */
@ConfigurationProperties("postern.audit")
public record AuditProperties(@DefaultValue("7d") Duration commandLogRetention) {

	public AuditProperties {
		if (commandLogRetention == null || commandLogRetention.isNegative() || commandLogRetention.isZero()) {
			throw new IllegalArgumentException("postern.audit.command-log-retention must be a positive duration");
		}
	}

}
