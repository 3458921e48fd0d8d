package postern.mail;

import java.nio.file.Path;

import postern.PosternProperties;
import postern.change.ChangeValidator;
import postern.change.ManagedFileHandler;
import postern.change.ValidationResult;
import postern.host.Host;
import postern.host.ServerSettings;
import postern.host.TemporaryFile;

import org.springframework.stereotype.Component;

/**
 * Checks a candidate maddy.conf before it is written: the candidate goes next to the real
 * file (so relative imports resolve the same) and {@code maddy --config <candidate> creds
 * list} parses it, as maddy would at its next start.
 */
@Component
class MaddyConfValidator extends ManagedFileHandler implements ChangeValidator {

	static final String ID = "maddy-conf";

	private final MaddyCli maddy;

	MaddyConfValidator(MaddyCli maddy, PosternProperties properties) {
		super(ID, properties);
		this.maddy = maddy;
	}

	@Override
	protected Path file(ServerSettings settings) {
		return settings.maddy().config();
	}

	@Override
	public ValidationResult validate(Host host, Path path, byte[] candidate) {
		try (TemporaryFile temporary = host.writeTemporary(path, candidate)) {
			MaddyRun run = this.maddy.checkConfig(host, temporary.path());
			if (run.succeeded()) {
				return ValidationResult.valid("maddy read the configuration: " + run.commandLine());
			}
			String message = run.message().replace(temporary.path().toString(), path.toString());
			return ValidationResult
				.invalid(message.isEmpty() ? run.error() + " (exit " + run.exitCode() + ")" : message);
		}
	}

}
