package postern.hosts;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import postern.PosternProperties;
import postern.PosternProperties.CaddyReload;
import postern.host.CommandCatalogue;
import postern.host.CommandKind;
import postern.host.CommandResult;
import postern.host.FileStatus;
import postern.host.Host;
import postern.host.HostChoice;
import postern.host.HostEvents;
import postern.host.HostException;
import postern.host.Hosts;
import postern.host.LocalHost;
import postern.PosternProperties.CaddyReload;
import postern.host.ServerSettings;
import postern.host.SshHost;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The hosts Postern manages: the machine it runs on, always there and the default, and
 * the remote servers the admins added, reached over SSH. Each admin's session selects the
 * host its pages act on; outside a request (start-up checks, scheduled runs) the local
 * machine is acted on.
 * <p>
 * A remote host is never logged in to before its host key's fingerprint was confirmed.
 * Key passphrases are kept in memory only, so after a restart an encrypted key needs its
 * passphrase again.
 * <p>
 * The connection of each trusted host is kept open and reused, so the host a session
 * selected is read from the database only when it has none. A change to a host drops its
 * connection once the change is committed: dropped earlier, a request running meanwhile
 * would open it again from the old row and keep it.
 */
@Service
public class ManagedHosts implements Hosts {

	static final String SESSION_ATTRIBUTE = ManagedHosts.class.getName() + ".selected";

	private static final Logger logger = LoggerFactory.getLogger(ManagedHosts.class);

	/** The key of the switcher's list among what the host writes keep. */
	private static final String SWITCHER = "switcher";

	private final LocalHost local;

	private final RemoteHostRepository repository;

	private final CommandCatalogue catalogue;

	private final PosternProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Map<Long, SshHost> open = new ConcurrentHashMap<>();

	/**
	 * How many times each host's connection was dropped: a connection made from a row
	 * read before a drop is not kept.
	 */
	private final Map<Long, Long> drops = new ConcurrentHashMap<>();

	private final Map<Long, char[]> passphrases = new ConcurrentHashMap<>();

	private final RemoteHostChanges changes;

	ManagedHosts(LocalHost local, RemoteHostRepository repository, CommandCatalogue catalogue,
			PosternProperties properties, ApplicationEventPublisher events, RemoteHostChanges changes,
			Optional<Clock> clock) {
		this.local = local;
		this.repository = repository;
		this.changes = changes;
		this.catalogue = catalogue;
		this.properties = properties;
		this.events = events;
		this.clock = clock.orElseGet(Clock::systemUTC);
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * A selected host that was removed, or whose key must be confirmed again, is
	 * unselected: the session acts on the local machine again.
	 */
	@Override
	public Host current() {
		Optional<Long> id = selectedId();
		if (id.isEmpty()) {
			return this.local;
		}
		Optional<SshHost> host = connection(id.get());
		if (host.isEmpty()) {
			unselect();
			return this.local;
		}
		return host.get();
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * Every page's header shows them, so the remote hosts are read from the database
	 * once, and again only after a host was added, changed or removed.
	 */
	@Override
	public List<HostChoice> choices() {
		Optional<String> selected = (current() != this.local) ? selectedId().map(String::valueOf) : Optional.empty();
		List<HostChoice> choices = new ArrayList<>();
		choices.add(new HostChoice(LOCAL_ID, this.local.name(), selected.isEmpty(), true));
		for (HostChoice remote : remoteChoices()) {
			boolean isSelected = selected.map(remote.id()::equals).orElse(false);
			choices.add(new HostChoice(remote.id(), remote.name(), isSelected, remote.trusted()));
		}
		return choices;
	}

	/**
	 * The remote hosts as the switcher offers them, none selected: the ones read last,
	 * unless a row was written since.
	 */
	private List<HostChoice> remoteChoices() {
		return this.changes.read(SWITCHER,
				(unused) -> this.repository.findAllByOrderByNameAsc()
					.stream()
					.map((remote) -> new HostChoice(remote.getKey(), remote.getName(), false, remote.isTrusted()))
					.toList());
	}

	/**
	 * Make the current session act on a host.
	 * @param id {@value #LOCAL_ID} or a remote host's id
	 * @return whether it is selected: an unknown host, or one whose key is not confirmed
	 * yet, is not
	 */
	public boolean select(String id) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return false;
		}
		if (LOCAL_ID.equals(id)) {
			request.removeAttribute(SESSION_ATTRIBUTE, RequestAttributes.SCOPE_SESSION);
			return true;
		}
		Optional<RemoteHost> remote = parse(id).flatMap(this.repository::findById).filter(RemoteHost::isTrusted);
		remote.ifPresent(
				(host) -> request.setAttribute(SESSION_ATTRIBUTE, host.getId(), RequestAttributes.SCOPE_SESSION));
		return remote.isPresent();
	}

	/**
	 * The name of the machine Postern runs on.
	 * @return the local host's name
	 */
	public String localName() {
		return this.local.name();
	}

	/**
	 * The application's settings, which a remote host keeps unless it has its own.
	 * @return the settings of the machine Postern runs on
	 */
	public ServerSettings applicationSettings() {
		return ServerSettings.of(this.properties);
	}

	/**
	 * Every remote host, by name.
	 * @return the hosts, trusted or not
	 */
	public List<RemoteHost> remotes() {
		return this.repository.findAllByOrderByNameAsc();
	}

	/**
	 * One remote host.
	 * @param id its id
	 * @return the host
	 * @throws RemoteHostNotFoundException when there is none with that id
	 */
	public RemoteHost find(String id) {
		return parse(id).flatMap(this.repository::findById).orElseThrow(() -> new RemoteHostNotFoundException(id));
	}

	/**
	 * Whether a name is already used, by the local machine or another remote host.
	 * @param name a host name as typed
	 * @param exceptId the host being edited, or {@code null}
	 * @return {@code true} when another host has that name
	 */
	public boolean nameTaken(String name, String exceptId) {
		if (name.equalsIgnoreCase(this.local.name()) || LOCAL_ID.equalsIgnoreCase(name)) {
			return true;
		}
		Optional<Long> except = (exceptId != null) ? parse(exceptId) : Optional.empty();
		return except.isPresent() ? this.repository.existsByNameIgnoreCaseAndIdNot(name, except.get())
				: this.repository.existsByNameIgnoreCase(name);
	}

	/**
	 * What keeps a host's form from being saved, by field: a name another host has, or no
	 * reload strategy of its own while the application's is Caddy's admin API, which
	 * Postern reaches over HTTP from its own machine, out of reach of a remote Caddy's
	 * loopback API.
	 * @param name the name as typed, stripped
	 * @param ownReload whether the host names a reload strategy of its own
	 * @param exceptId the host being edited, or {@code null}
	 * @return the message code of each refused field, empty when none is
	 */
	public Map<String, String> problems(String name, boolean ownReload, String exceptId) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (name != null && nameTaken(name, exceptId)) {
			problems.put("name", "hosts.error.name.taken");
		}
		ServerSettings application = applicationSettings();
		if (!ownReload && application != null && application.caddy().reload() == CaddyReload.ADMIN_API) {
			problems.put("caddyReload", "hosts.error.caddyReload.required");
		}
		return problems;
	}

	/**
	 * Add a remote host. Postern connects once to read its host key, without logging in;
	 * the host is used only after {@link #trust(String, String)}.
	 * @param parameters where it is and how to log in
	 * @param passphrase the key file's passphrase, or {@code null}; kept in memory only
	 * @return the stored host, waiting for its fingerprint to be confirmed
	 * @throws HostException when the server cannot be reached
	 */
	@Transactional
	public RemoteHost add(HostParameters parameters, char[] passphrase) {
		String offered = SshHost.hostKeyFingerprint(parameters.address(), parameters.port());
		RemoteHost host = this.repository.save(new RemoteHost(parameters, offered, this.clock.instant()));
		rememberPassphrase(host.getId(), passphrase);
		return host;
	}

	/**
	 * Change a remote host. A new address or port means another server may answer: its
	 * key is read again and must be confirmed again.
	 * @param id the host's id
	 * @param parameters the new values
	 * @param passphrase a new passphrase, or {@code null} to keep the one in memory
	 * @return the host
	 * @throws HostException when the server at a new address cannot be reached
	 */
	@Transactional
	public RemoteHost update(String id, HostParameters parameters, char[] passphrase) {
		RemoteHost host = find(id);
		boolean moved = !host.getAddress().equals(parameters.address()) || host.getPort() != parameters.port();
		String offered = moved ? SshHost.hostKeyFingerprint(parameters.address(), parameters.port()) : null;
		host.change(parameters);
		if (moved) {
			host.offer(offered);
		}
		forgetOnCommit(host.getId());
		rememberPassphrase(host.getId(), passphrase);
		return this.repository.save(host);
	}

	/**
	 * Confirm the fingerprint shown to the admin.
	 * @param id the host's id
	 * @param fingerprint the fingerprint the admin confirmed
	 * @return whether it is the one the server offered (and now trusted)
	 */
	@Transactional
	public boolean trust(String id, String fingerprint) {
		RemoteHost host = find(id);
		if (host.getOfferedFingerprint() == null || !host.getOfferedFingerprint().equals(fingerprint)) {
			return false;
		}
		host.confirm();
		this.repository.save(host);
		forgetOnCommit(host.getId());
		this.events.publishEvent(new HostEvents.HostTrusted(host.getName()));
		return true;
	}

	/**
	 * Remove a remote host; sessions that selected it act on the local machine again.
	 * @param id the host's id
	 * @return the removed host
	 */
	@Transactional
	public RemoteHost remove(String id) {
		RemoteHost host = find(id);
		this.repository.delete(host);
		forgetOnCommit(host.getId());
		Optional.ofNullable(this.passphrases.remove(host.getId())).ifPresent((chars) -> Arrays.fill(chars, '\0'));
		return host;
	}

	/**
	 * Log in to a remote host and look around: {@code uname -a}, and whether maddy and
	 * Caddy are where that host's settings say.
	 * @param id the host's id
	 * @return what was found, or why it failed; a host whose key is not confirmed is not
	 * connected to
	 */
	public ConnectionReport check(String id) {
		RemoteHost remote = find(id);
		Optional<SshHost> connection = remote.isTrusted() ? connection(remote.getId()) : Optional.empty();
		if (connection.isEmpty()) {
			return ConnectionReport.failed("The host key of " + remote.getName() + " has not been confirmed");
		}
		SshHost host = connection.get();
		try {
			CommandResult uname = host.run(this.catalogue.command(CommandKind.UNAME));
			ServerSettings settings = ServerSettings.of(this.properties, host);
			boolean maddy = executable(host, settings.maddy().binary());
			boolean caddy = executable(host, settings.caddy().binary());
			return new ConnectionReport(uname.stdout().strip(), maddy, caddy, null);
		}
		catch (HostException ex) {
			logger.info("Testing {} failed: {}", remote.getName(), ex.getMessage());
			return ConnectionReport.failed(ex.getMessage());
		}
	}

	private static boolean executable(Host host, Path binary) {
		FileStatus status = host.stat(binary);
		return status.exists() && !status.directory() && status.executable();
	}

	/**
	 * Close every connection when the application stops, so no SSH session is left open
	 * on the servers.
	 */
	@PreDestroy
	void closeAll() {
		List.copyOf(this.open.keySet()).forEach(this::forget);
	}

	private Optional<Long> selectedId() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null
				|| !(request.getAttribute(SESSION_ATTRIBUTE, RequestAttributes.SCOPE_SESSION) instanceof Long id)) {
			return Optional.empty();
		}
		return Optional.of(id);
	}

	private void unselect() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null) {
			request.removeAttribute(SESSION_ATTRIBUTE, RequestAttributes.SCOPE_SESSION);
		}
	}

	/**
	 * The open connection of a trusted host, else one made from its row.
	 * @param id the host's id
	 * @return the connection, or empty when the host is gone or not trusted
	 */
	private Optional<SshHost> connection(Long id) {
		SshHost cached = this.open.get(id);
		if (cached != null) {
			return Optional.of(cached);
		}
		while (true) {
			long dropsBefore = this.drops.getOrDefault(id, 0L);
			Optional<RemoteHost> remote = this.repository.findById(id).filter(RemoteHost::isTrusted);
			if (remote.isEmpty()) {
				return Optional.empty();
			}
			SshHost host = open(remote.get(), dropsBefore);
			if (host != null) {
				return Optional.of(host);
			}
		}
	}

	/**
	 * The connection of a host, made from its row unless one is open.
	 * @param remote the host's row
	 * @param dropsBefore how many times its connection was dropped before the row was
	 * read
	 * @return the connection, or {@code null} when it was dropped since: the row may be
	 * older than the change that dropped it, so it is read again
	 */
	private SshHost open(RemoteHost remote, long dropsBefore) {
		return this.open.computeIfAbsent(remote.getId(),
				(id) -> (this.drops.getOrDefault(id, 0L) == dropsBefore) ? new SshHost(remote.getName(),
						remote.target(), this.passphrases.get(id), remote.getOverrides(),
						remote.getOverrides().backups(this.properties.backups()), this.events, this.clock) : null);
	}

	/**
	 * Drop a host's connection once the transaction changing the host commits: until then
	 * other requests read the old row, and a connection they open is dropped too.
	 */
	private void forgetOnCommit(Long id) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			forget(id);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				forget(id);
			}
		});
	}

	/**
	 * Close a host's connection so the next call uses its new settings. The count goes up
	 * first, so a connection being made from an older row is not kept.
	 */
	private void forget(Long id) {
		this.drops.merge(id, 1L, Long::sum);
		SshHost host = this.open.remove(id);
		if (host != null) {
			host.close();
		}
	}

	private void rememberPassphrase(Long id, char[] passphrase) {
		if (passphrase != null && passphrase.length > 0) {
			char[] old = this.passphrases.put(id, passphrase.clone());
			if (old != null) {
				Arrays.fill(old, '\0');
			}
		}
	}

	private static Optional<Long> parse(String id) {
		if (id == null || !id.matches("[0-9]{1,18}")) {
			return Optional.empty();
		}
		return Optional.of(Long.valueOf(id));
	}

}
