package postern.sites;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

import postern.PosternProperties;
import postern.change.ChangeValidator;
import postern.change.ManagedFileHandler;
import postern.change.ValidationResult;
import postern.host.CommandCatalogue;
import postern.host.CommandKind;
import postern.host.CommandResult;
import postern.host.FileSnapshot;
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
 * reload. What the file makes Caddy dial is judged too: Caddy's admin endpoint is never
 * let through, and an upstream known only when Caddy runs only when the admin said they
 * know what it does (see {@link UnjudgedUpstreamsValidator}).
 */
@Component
class CaddyfileValidator extends ManagedFileHandler implements ChangeValidator {

	static final String ID = "caddyfile";

	private final CommandCatalogue catalogue;

	private final UpstreamJudge judge;

	CaddyfileValidator(PosternProperties properties, CommandCatalogue catalogue, UpstreamJudge judge) {
		super(ID, properties);
		this.catalogue = catalogue;
		this.judge = judge;
	}

	/**
	 * Whether upstreams that cannot be judged before Caddy runs are let through.
	 * @return {@code false}: only the raw edit's explicit choice lets them through
	 */
	boolean acceptsUnjudged() {
		return false;
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
		ValidationResult result = validateCopy(host, path, candidate);
		if (!result.ok()) {
			FileSnapshot current = host.read(path);
			if (current.exists() && !validateCopy(host, path, current.content()).ok()) {
				result = adaptsAlike(host, path, candidate, result);
			}
		}
		if (!result.ok()) {
			return result;
		}
		// what it dials is judged however Caddy's check went
		return judged(host, path, candidate).map(ValidationResult::invalid).orElse(result);
	}

	/**
	 * When {@code caddy validate} refuses the file on disk as well, it cannot judge a
	 * change here (a certificate file or an environment variable that only Caddy's own
	 * service has; Caddy may even name another of them each run): the change is then
	 * judged by whether Caddy can still read it ({@code caddy adapt}), and the reload
	 * after it, rolled back on failure, is the last word.
	 */
	private ValidationResult adaptsAlike(Host host, Path path, byte[] candidate, ValidationResult validation) {
		try (TemporaryFile temporary = host.writeTemporary(path, candidate)) {
			CommandResult adapted = host
				.run(this.catalogue.command(CommandKind.CADDY_ADAPT, temporary.path().toString()));
			if (!adapted.succeeded()) {
				return ValidationResult.invalid(CaddyOutput.shown(adapted, temporary.path(), path,
						new String(candidate, StandardCharsets.UTF_8), properties().caddy().environmentVariables()));
			}
			return ValidationResult.valid("caddy validate refuses the file on disk as well, so it cannot judge this"
					+ " change here. It said of the changed file:\n" + validation.output()
					+ "\ncaddy adapt reads the changed file: ok");
		}
	}

	private ValidationResult validateCopy(Host host, Path path, byte[] candidate) {
		try (TemporaryFile temporary = host.writeTemporary(path, candidate)) {
			CommandResult result = host
				.run(this.catalogue.command(CommandKind.CADDY_VALIDATE, temporary.path().toString()));
			String output = CaddyOutput.shown(result, temporary.path(), path,
					new String(candidate, StandardCharsets.UTF_8), properties().caddy().environmentVariables());
			if (result.timedOut()) {
				return ValidationResult.invalid("caddy validate did not finish in time.\n" + output);
			}
			return result.succeeded() ? ValidationResult.valid(output) : ValidationResult.invalid(output);
		}
	}

	/**
	 * Why what the candidate dials is refused, if it is.
	 */
	private Optional<String> judged(Host host, Path path, byte[] candidate) {
		UpstreamJudge.Verdict verdict = this.judge.judgeChange(host, path, host.read(path).content(), candidate)
			.orElse(null);
		if (verdict == null) {
			return Optional.of("caddy adapt could not read the file, so what it dials cannot be judged.");
		}
		if (!verdict.refused().isEmpty()) {
			return Optional.of("The Caddyfile makes Caddy dial its own admin endpoint, which would hand Caddy's"
					+ " whole configuration to anyone who reaches the site: " + String.join(", ", verdict.refused()));
		}
		if (verdict.unjudged().isEmpty() || acceptsUnjudged()) {
			return Optional.empty();
		}
		return Optional.of("Upstreams known only when Caddy runs cannot be judged before it does: "
				+ String.join(", ", verdict.unjudged()) + ". Only a raw edit applies them, when asked to.");
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
