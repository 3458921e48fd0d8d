package postern.sites;

import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Collectors;

import postern.PosternProperties;
import postern.change.ChangeValidator;
import postern.change.ManagedFileHandler;
import postern.change.ValidationResult;
import postern.host.CommandCatalogue;
import postern.host.CommandKind;
import postern.host.CommandResult;
import postern.host.Host;
import postern.host.ServerSettings;
import postern.host.TemporaryFile;
import postern.sites.Caddyfile.Segment;
import postern.sites.Caddyfile.Token;

import org.springframework.stereotype.Component;

/**
 * Checks a candidate Caddyfile with {@code caddy validate}, on a temporary copy next to
 * the real file (so relative imports resolve the same way), and refuses any change of the
 * global {@code admin} option: a moved or disabled admin endpoint breaks every later
 * reload.
 */
@Component
class CaddyfileValidator extends ManagedFileHandler implements ChangeValidator {

	static final String ID = "caddyfile";

	private final CommandCatalogue catalogue;

	CaddyfileValidator(PosternProperties properties, CommandCatalogue catalogue) {
		super(ID, properties);
		this.catalogue = catalogue;
	}

	@Override
	protected Path file(ServerSettings settings) {
		return settings.caddy().caddyfile();
	}

	@Override
	public ValidationResult validate(Host host, Path path, byte[] candidate) {
		String before = adminOption(host.read(path).content());
		String after = adminOption(candidate);
		if (before != null && after != null && !before.equals(after)) {
			return ValidationResult.invalid("The global admin option changed (" + describe(before) + " -> "
					+ describe(after) + "). Postern never changes it: Caddy could no longer be reloaded.");
		}
		try (TemporaryFile temporary = host.writeTemporary(path, candidate)) {
			CommandResult result = host
				.run(this.catalogue.command(CommandKind.CADDY_VALIDATE, temporary.path().toString()));
			String output = output(result, temporary.path(), path);
			if (result.timedOut()) {
				return ValidationResult.invalid("caddy validate did not finish in time.\n" + output);
			}
			return result.succeeded() ? ValidationResult.valid(output) : ValidationResult.invalid(output);
		}
	}

	/**
	 * What Caddy said, without its JSON log lines, naming the real file instead of the
	 * temporary one.
	 */
	static String output(CommandResult result, Path temporary, Path file) {
		String said = (result.stdout() + "\n" + result.stderr()).lines()
			.filter((line) -> !line.isBlank() && !line.startsWith("{"))
			.collect(Collectors.joining("\n"));
		if (said.isEmpty()) {
			said = result.stderr().strip();
		}
		return said.replace(temporary.toString(), file.toString())
			.replace(Objects.toString(temporary.getFileName()), Objects.toString(file.getFileName()));
	}

	/**
	 * The global {@code admin} option as its token values, or {@code null} when the file
	 * cannot be read as blocks (Caddy will say why).
	 */
	static String adminOption(byte[] caddyfile) {
		try {
			return Caddyfile.parse(caddyfile)
				.globalOptions()
				.map((global) -> global.segments("admin").stream().map(CaddyfileValidator::values).toList().toString())
				.orElse("[]");
		}
		catch (CaddyfileSyntaxException ex) {
			return null;
		}
	}

	private static String values(Segment segment) {
		String words = segment.tokens().stream().map(Token::value).collect(Collectors.joining(" "));
		return segment.braced() ? words + " " + segment.block().stream().map(CaddyfileValidator::values).toList()
				: words;
	}

	private static String describe(String option) {
		return "[]".equals(option) ? "none" : option;
	}

}
