package postern.mail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Collectors;

import postern.PosternProperties;
import postern.change.ChangeValidator;
import postern.change.ManagedFileHandler;
import postern.change.ValidationResult;
import postern.host.Host;
import postern.host.ServerSettings;

import org.springframework.stereotype.Component;

/**
 * Checks a candidate aliases file as maddy reads it. maddy refuses the whole file for a
 * single line that starts with {@code :}, and then keeps the old aliases (or, at start,
 * does not start): such a file is never written.
 */
@Component
class AliasesValidator extends ManagedFileHandler implements ChangeValidator {

	static final String ID = "aliases";

	AliasesValidator(PosternProperties properties) {
		super(ID, properties);
	}

	@Override
	protected Path file(ServerSettings settings) {
		return settings.maddy().aliases();
	}

	@Override
	public ValidationResult validate(Host host, Path path, byte[] candidate) {
		String refused = AliasesFile.parse(new String(candidate, StandardCharsets.UTF_8))
			.problems()
			.stream()
			.filter(AliasesFile.Problem::rejectsFile)
			.map((problem) -> path + ":" + problem.line() + ": empty address before colon")
			.collect(Collectors.joining("\n"));
		return refused.isEmpty() ? ValidationResult.valid("") : ValidationResult.invalid(refused);
	}

}
