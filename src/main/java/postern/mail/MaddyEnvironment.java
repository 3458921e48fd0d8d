package postern.mail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import postern.host.CommandCatalogue;
import postern.host.CommandKind;
import postern.host.CommandResult;
import postern.host.FileSnapshot;
import postern.host.Host;
import postern.host.ServerSettings;

import org.springframework.stereotype.Component;

/**
 * What Postern knows of the environment maddy runs in, for the {@code {env:NAME}}
 * placeholders of maddy.conf: the {@code Environment=} assignments and
 * {@code EnvironmentFile=} files of maddy's unit, read through the host when it can, with
 * the {@code postern.maddy.environment} setting (or the host's own) over them. Nothing is
 * asked of the host when the file has no placeholder.
 */
@Component
public class MaddyEnvironment {

	private static final String PLACEHOLDER_START = "{env:";

	private final CommandCatalogue catalogue;

	MaddyEnvironment(CommandCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	/**
	 * The variables maddy.conf's placeholders can be resolved with.
	 * @param host the host maddy runs on
	 * @param settings that host's settings
	 * @param conf maddy.conf's text
	 * @return each known variable with its value
	 */
	public Map<String, String> of(Host host, ServerSettings settings, String conf) {
		if (!conf.contains(PLACEHOLDER_START)) {
			return Map.of();
		}
		Map<String, String> variables = new LinkedHashMap<>(unitEnvironment(host, settings.units().maddy()));
		variables.putAll(settings.maddy().environmentVariables());
		return variables;
	}

	/**
	 * The unit's environment; empty when the host cannot tell (no systemd, a container, a
	 * refused sudo rule), since the setting is there for those servers.
	 */
	private Map<String, String> unitEnvironment(Host host, String unit) {
		CommandResult result;
		try {
			result = host.run(this.catalogue.command(CommandKind.SYSTEMCTL_SHOW_ENVIRONMENT, unit));
		}
		catch (RuntimeException ex) {
			return Map.of();
		}
		if (!result.succeeded()) {
			return Map.of();
		}
		Map<String, String> variables = new LinkedHashMap<>();
		List<String> assignments = new ArrayList<>();
		for (String line : result.stdout().split("\n")) {
			if (line.startsWith("EnvironmentFiles=")) {
				variables.putAll(environmentFile(host, line.substring("EnvironmentFiles=".length())));
			}
			else if (line.startsWith("Environment=")) {
				assignments.add(line.substring("Environment=".length()));
			}
		}
		// systemd applies Environment= before the files, which override it
		Map<String, String> environment = new LinkedHashMap<>();
		assignments.forEach((line) -> environment.putAll(UnitEnvironment.assignments(line)));
		environment.putAll(variables);
		return environment;
	}

	private Map<String, String> environmentFile(Host host, String value) {
		String path = UnitEnvironment.filePath(value);
		if (path == null) {
			return Map.of();
		}
		try {
			FileSnapshot file = host.read(Path.of(path));
			return file.exists() ? UnitEnvironment.file(new String(file.content(), StandardCharsets.UTF_8)) : Map.of();
		}
		catch (RuntimeException ex) {
			// a file maddy's user may read but Postern's may not: the setting covers it
			return Map.of();
		}
	}

}
