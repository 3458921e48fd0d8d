package postern.mail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import postern.host.CommandCatalogue;
import postern.host.CommandKind;
import postern.host.CommandResult;
import postern.host.FileSnapshot;
import postern.host.Host;
import postern.host.HostEvents;
import postern.host.ServerSettings;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What Postern knows of the environment maddy runs in, for the {@code {env:NAME}}
 * placeholders of maddy.conf: the {@code Environment=} assignments and
 * {@code EnvironmentFile=} files of maddy's unit, read through the host when it can, with
 * the {@code postern.maddy.environment} setting (or the host's own) over them. Nothing is
 * asked of the host when the file has no placeholder.
 * <p>
 * What the unit says is kept per host and unit for {@link #KEPT_FOR}, so pages that read
 * maddy.conf do not run {@code systemctl} each time: maddy takes a new environment only
 * when it starts again, and a restart or reload run by Postern on that host forgets it at
 * once. A change made by hand shows after {@link #KEPT_FOR} at most.
 */
@Component
public class MaddyEnvironment {

	/** How long the unit's environment is kept before it is asked again. */
	static final Duration KEPT_FOR = Duration.ofMinutes(1);

	private static final String PLACEHOLDER_START = "{env:";

	private final CommandCatalogue catalogue;

	private final Clock clock;

	private final Map<UnitOnHost, Known> known = new ConcurrentHashMap<>();

	MaddyEnvironment(CommandCatalogue catalogue, Optional<Clock> clock) {
		this.catalogue = catalogue;
		this.clock = clock.orElseGet(Clock::systemUTC);
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
		Map<String, String> variables = new LinkedHashMap<>(keptEnvironment(host, settings.units().maddy()));
		variables.putAll(settings.maddy().environmentVariables());
		return variables;
	}

	/**
	 * Forget what a host's units said when Postern restarts or reloads one there: the
	 * environment maddy runs with may have changed with it.
	 * @param event a command run on a host
	 */
	@EventListener
	void commandRan(HostEvents.CommandRan event) {
		if (event.kind() == CommandKind.SYSTEMCTL_RESTART || event.kind() == CommandKind.SYSTEMCTL_RELOAD) {
			forget(event.host());
		}
	}

	/**
	 * Forget what a host's units said when a host of that name is trusted: it may be
	 * another server.
	 * @param event a remote host confirmed
	 */
	@EventListener
	void hostTrusted(HostEvents.HostTrusted event) {
		forget(event.host());
	}

	private void forget(String host) {
		this.known.keySet().removeIf((key) -> key.host().equals(host));
	}

	private Map<String, String> keptEnvironment(Host host, String unit) {
		Instant now = this.clock.instant();
		UnitOnHost key = new UnitOnHost(host.name(), unit);
		Known kept = this.known.get(key);
		if (kept != null && now.isBefore(kept.readAt().plus(KEPT_FOR))) {
			return kept.variables();
		}
		CommandResult result;
		try {
			result = host.run(this.catalogue.command(CommandKind.SYSTEMCTL_SHOW_ENVIRONMENT, unit));
		}
		catch (RuntimeException ex) {
			// the host could not be asked this time (a cut connection): ask again next
			// time
			return Map.of();
		}
		Map<String, String> variables = Collections.unmodifiableMap(unitEnvironment(host, result));
		this.known.put(key, new Known(variables, now));
		return variables;
	}

	/**
	 * The unit's environment; empty when the host cannot tell (no systemd, a container, a
	 * refused sudo rule), since the setting is there for those servers.
	 */
	private Map<String, String> unitEnvironment(Host host, CommandResult result) {
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

	private record UnitOnHost(String host, String unit) {
	}

	private record Known(Map<String, String> variables, Instant readAt) {
	}

}
