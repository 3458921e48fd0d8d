package postern.hosts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import postern.PosternProperties;
import postern.host.FileStatus;
import postern.host.Host;
import postern.host.HostException;
import postern.host.Hosts;
import postern.host.ServerSettings;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The start-up check of every file and folder Postern reads, writes or runs: for each,
 * whether Postern's user can do what it needs, and if not the exact command an admin runs
 * to fix it. Missing things are reported, never fatal: the panel starts on a machine
 * without maddy or Caddy and says so on the dashboard.
 */
@Component
public class ManagedPathsCheck {

	private static final Logger logger = LoggerFactory.getLogger(ManagedPathsCheck.class);

	private static final Pattern SAFE_WORD = Pattern.compile("[A-Za-z0-9@%+=:,./_-]+");

	private final PosternProperties properties;

	private final Hosts hosts;

	private final String user = System.getProperty("user.name");

	/** The last results of each host, by its name: each server has its own files. */
	private final Map<String, List<Result>> results = new ConcurrentHashMap<>();

	public ManagedPathsCheck(PosternProperties properties, Hosts hosts) {
		this.properties = properties;
		this.hosts = hosts;
	}

	@EventListener(ApplicationReadyEvent.class)
	void checkAtStart() {
		try {
			recheck().stream()
				.filter((result) -> !result.ok())
				.forEach((result) -> logger.warn("{} {}: {}; to fix: {}", result.thing(), result.path(),
						result.problem(), (result.fix() != null) ? result.fix() : "see the dashboard"));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not check the managed files", ex);
		}
	}

	/**
	 * The last results of the current host, checking first if nothing was checked yet.
	 * @return one result per {@link Thing}, in the enum's order
	 */
	public List<Result> results() {
		List<Result> last = this.results.get(this.hosts.current().name());
		return (last != null) ? last : recheck();
	}

	/**
	 * Check the current host again, after the admin ran the fixes.
	 * @return one result per {@link Thing}, in the enum's order
	 */
	public synchronized List<Result> recheck() {
		Host host = this.hosts.current();
		ServerSettings settings = ServerSettings.of(this.properties, host);
		List<Result> checked = new ArrayList<>();
		for (Thing thing : Thing.values()) {
			checked.add(check(host, thing, path(settings, thing)));
		}
		List<Result> done = List.copyOf(checked);
		this.results.put(host.name(), done);
		return done;
	}

	static Path path(ServerSettings settings, Thing thing) {
		PosternProperties.Maddy maddy = settings.maddy();
		PosternProperties.Caddy caddy = settings.caddy();
		return switch (thing) {
			case MADDY_BINARY -> maddy.binary();
			case MADDY_CONFIG -> maddy.config();
			case MADDY_ALIASES -> maddy.aliases();
			case DKIM_KEYS -> maddy.stateDir().resolve("dkim_keys");
			case MADDY_CERTS -> maddy.certDir();
			case CADDY_BINARY -> caddy.binary();
			case CADDYFILE -> caddy.caddyfile();
			case WEB_ROOT -> caddy.webRoot();
			case BACKUPS -> settings.backups().dir();
		};
	}

	private Result check(Host host, Thing thing, Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		FileStatus status = host.stat(absolute);
		if (thing == Thing.BACKUPS && !status.exists()) {
			status = createBackups(host, absolute);
		}
		FileStatus folder = needsFolder(thing) ? host.stat(absolute.getParent()) : null;
		Problem problem = problem(thing, status, folder);
		return new Result(thing, absolute, status, problem, fix(thing, status, folder, problem, this.user));
	}

	private static FileStatus createBackups(Host host, Path path) {
		try {
			return host.createFolder(path);
		}
		catch (HostException ex) {
			logger.debug("Could not create the backups folder", ex);
			return host.stat(path);
		}
	}

	/** A file is replaced by a rename, which needs write access to its folder. */
	private static boolean needsFolder(Thing thing) {
		return thing.need == Need.WRITE && thing.shape == Shape.FILE;
	}

	static Problem problem(Thing thing, FileStatus status, FileStatus folder) {
		if (!status.exists()) {
			return Problem.MISSING;
		}
		return switch (thing.need) {
			case EXECUTE -> (status.executable() && !status.directory()) ? Problem.OK : Problem.NOT_EXECUTABLE;
			case READ -> canRead(status) ? Problem.OK : Problem.NOT_READABLE;
			case WRITE -> !canRead(status) ? Problem.NOT_READABLE
					: (canWrite(status) && (folder == null || canWrite(folder))) ? Problem.OK : Problem.NOT_WRITABLE;
		};
	}

	private static boolean canRead(FileStatus status) {
		return status.readable() && (!status.directory() || status.executable());
	}

	private static boolean canWrite(FileStatus status) {
		return status.exists() && status.writable() && (!status.directory() || status.executable());
	}

	/**
	 * The command that fixes a problem, shown to the admin and never run by Postern.
	 * @param thing what was checked
	 * @param status its status
	 * @param folder its folder's status, for files replaced by a rename
	 * @param problem what is wrong
	 * @param user the user Postern runs as
	 * @return a shell command line, or {@code null} when there is nothing to run (the
	 * program is not installed: the dashboard says so)
	 */
	static String fix(Thing thing, FileStatus status, FileStatus folder, Problem problem, String user) {
		String path = quote(status.path().toString());
		return switch (problem) {
			case OK -> null;
			case MISSING -> missingFix(thing, path, user);
			case NOT_EXECUTABLE -> "sudo chmod a+rx " + path;
			case NOT_READABLE, NOT_WRITABLE -> accessFix(thing, status, folder, user);
		};
	}

	private static String missingFix(Thing thing, String path, String user) {
		if (thing.createMode == null) {
			return null;
		}
		String owner = quote(user);
		if (thing.shape == Shape.FOLDER) {
			return "sudo install -d -o " + owner + " -g " + owner + " -m " + thing.createMode + " " + path;
		}
		return "sudo install -D -m " + thing.createMode + " -g " + owner + " /dev/null " + path;
	}

	private static String accessFix(Thing thing, FileStatus status, FileStatus folder, String user) {
		Set<String> steps = new LinkedHashSet<>();
		String bits = (thing.shape == Shape.FILE) ? "g+rw" : (thing.need == Need.WRITE) ? "g+rwx" : "g+rx";
		if ((thing.need == Need.WRITE) ? !canWrite(status) || !canRead(status) : !canRead(status)) {
			groupAccess(steps, status, bits, user);
		}
		if (folder != null && !canWrite(folder)) {
			groupAccess(steps, folder, "g+rwx", user);
		}
		return String.join(" && ", steps);
	}

	/**
	 * Access through the group, as the deploy docs set it up. A file whose group belongs
	 * to a service (maddy reads its config through it) keeps that group and Postern's
	 * user joins it, taking effect when Postern restarts.
	 */
	private static void groupAccess(Set<String> steps, FileStatus status, String bits, String user) {
		String path = quote(status.path().toString());
		String group = status.group();
		if (group == null || "root".equals(group)) {
			steps.add("sudo chgrp " + quote(user) + " " + path);
		}
		else if (!group.equals(user)) {
			steps.add("sudo usermod -a -G " + quote(group) + " " + quote(user));
		}
		steps.add("sudo chmod " + bits + " " + path);
	}

	static String quote(String word) {
		if (SAFE_WORD.matcher(word).matches()) {
			return word;
		}
		return "'" + word.replace("'", "'\\''") + "'";
	}

	/**
	 * The files and folders Postern needs. Each has a display label under the message key
	 * {@code check.thing.<name in lower-kebab-case>}.
	 */
	public enum Thing {

		/** maddy's CLI, run for mailboxes and credentials. */
		MADDY_BINARY(Shape.FILE, Need.EXECUTE, null),

		/** maddy.conf, edited for domains. */
		MADDY_CONFIG(Shape.FILE, Need.WRITE, null),

		/** The aliases file; an empty one is valid. */
		MADDY_ALIASES(Shape.FILE, Need.WRITE, "0664"),

		/** maddy's DKIM keys, read for the DNS records to publish. */
		DKIM_KEYS(Shape.FOLDER, Need.READ, null),

		/** The MX certificates, read for the TLSA records. */
		MADDY_CERTS(Shape.FOLDER, Need.READ, null),

		/** Caddy's CLI, run to validate a Caddyfile before a reload. */
		CADDY_BINARY(Shape.FILE, Need.EXECUTE, null),

		/** The Caddyfile, edited for sites; an empty one is valid. */
		CADDYFILE(Shape.FILE, Need.WRITE, "0664"),

		/** The folder holding every static site's root; Caddy must read it. */
		WEB_ROOT(Shape.FOLDER, Need.WRITE, "0755"),

		/** Postern's backups of the files it writes; they may hold secrets. */
		BACKUPS(Shape.FOLDER, Need.WRITE, "0700");

		private final Shape shape;

		private final Need need;

		/**
		 * The mode to create it with when missing, or {@code null} when only installing a
		 * program creates it.
		 */
		private final String createMode;

		Thing(Shape shape, Need need, String createMode) {
			this.shape = shape;
			this.need = need;
			this.createMode = createMode;
		}

		/**
		 * Whether this is a folder (rather than a file).
		 * @return {@code true} for a folder
		 */
		public boolean folder() {
			return this.shape == Shape.FOLDER;
		}

		/**
		 * The key of this thing's display label.
		 * @return e.g. {@code check.thing.maddy-binary}
		 */
		public String messageKey() {
			return "check.thing." + kebab(name());
		}

	}

	/**
	 * What is wrong with a managed path. Each has a text under the message key
	 * {@code check.problem.<name in lower-kebab-case>}.
	 */
	public enum Problem {

		/** Postern can do all it needs. */
		OK,

		/** Nothing at that path. */
		MISSING,

		/** Postern cannot read it (or list it, for a folder). */
		NOT_READABLE,

		/** Postern cannot write it, or cannot replace it in its folder. */
		NOT_WRITABLE,

		/** Postern cannot run it. */
		NOT_EXECUTABLE;

		/**
		 * The key of this problem's text.
		 * @return e.g. {@code check.problem.not-writable}
		 */
		public String messageKey() {
			return "check.problem." + kebab(name());
		}

	}

	/**
	 * The check of one managed path.
	 *
	 * @param thing what it is
	 * @param path its absolute path on the host
	 * @param status what Postern can do with it
	 * @param problem what is wrong, or {@link Problem#OK}
	 * @param fix the command an admin runs to fix it (shown, never run), or {@code null}
	 * when there is none (nothing wrong, or a program to install)
	 */
	public record Result(Thing thing, Path path, FileStatus status, Problem problem, String fix) {

		/**
		 * Whether nothing is wrong.
		 * @return {@code true} when the problem is {@link Problem#OK}
		 */
		public boolean ok() {
			return this.problem == Problem.OK;
		}

	}

	private enum Shape {

		FILE, FOLDER

	}

	private enum Need {

		EXECUTE, READ, WRITE

	}

	private static String kebab(String name) {
		return name.toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
