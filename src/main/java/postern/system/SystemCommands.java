package postern.system;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import postern.PosternProperties;
import postern.host.Command;
import postern.host.CommandCatalogue;
import postern.host.CommandKind;
import postern.host.CommandResult;
import postern.host.Host;
import postern.host.HostException;
import postern.host.Hosts;
import postern.host.ServerSettings;

import org.springframework.stereotype.Component;

/**
 * Runs the system tools' commands on the current host and never throws: a program that
 * cannot be started or a host that fails becomes an {@link CommandOutcome outcome} that
 * says so. Status commands get the {@code postern.systemctl.timeout}; actions keep their
 * catalogue's longer timeout.
 */
@Component
class SystemCommands {

	private final Hosts hosts;

	private final CommandCatalogue catalogue;

	private final PosternProperties properties;

	private final Duration statusTimeout;

	private final AtomicLong actions = new AtomicLong();

	SystemCommands(Hosts hosts, CommandCatalogue catalogue, PosternProperties properties) {
		this.hosts = hosts;
		this.catalogue = catalogue;
		this.properties = properties;
		this.statusTimeout = properties.systemctl().timeout();
	}

	/**
	 * How many commands that change something were started: what was read before the
	 * count went up may be out of date.
	 * @return the count so far
	 */
	long actions() {
		return this.actions.get();
	}

	/**
	 * The current host.
	 * @return the host the request acts on
	 */
	Host host() {
		return this.hosts.current();
	}

	/**
	 * The settings of the current host (its units may be named otherwise than the
	 * application's).
	 * @return the current host's settings
	 */
	ServerSettings settings() {
		return ServerSettings.of(this.properties, this.hosts.current());
	}

	/**
	 * Run a command that only reads, within the status timeout.
	 * @param kind the catalogue entry
	 * @param values its arguments
	 * @return what it did
	 */
	CommandOutcome read(CommandKind kind, String... values) {
		return read(this.hosts.current(), kind, values);
	}

	/**
	 * Run a command that only reads, on a given host, within the status timeout.
	 * @param host the host
	 * @param kind the catalogue entry
	 * @param values its arguments
	 * @return what it did
	 */
	CommandOutcome read(Host host, CommandKind kind, String... values) {
		return run(host, this.catalogue.command(kind, values).withTimeout(this.statusTimeout));
	}

	/**
	 * Run a command that changes something, within its catalogue timeout.
	 * @param kind the catalogue entry
	 * @param values its arguments
	 * @return what it did
	 */
	CommandOutcome act(CommandKind kind, String... values) {
		this.actions.incrementAndGet();
		return run(this.hosts.current(), this.catalogue.command(kind, values));
	}

	/**
	 * Run a command that changes something, within its catalogue timeout, for callers
	 * that handle a failure to start themselves.
	 * @param host the host to run it on
	 * @param kind the catalogue entry
	 * @param values its arguments
	 * @return what it did
	 * @throws HostException when the program cannot be started
	 */
	CommandResult run(Host host, CommandKind kind, String... values) {
		this.actions.incrementAndGet();
		return host.run(this.catalogue.command(kind, values));
	}

	private static CommandOutcome run(Host host, Command command) {
		try {
			return CommandOutcome.of(command, host.run(command));
		}
		catch (HostException ex) {
			return CommandOutcome.notStarted(command, ex.getMessage());
		}
	}

}
