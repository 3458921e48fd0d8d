package postern.sites;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import postern.PosternProperties;
import postern.change.ChangeReloader;
import postern.change.ManagedFileHandler;
import postern.change.ReloadResult;
import postern.host.CommandCatalogue;
import postern.host.CommandKind;
import postern.host.CommandResult;
import postern.host.Host;
import postern.host.ServerSettings;
import postern.system.SystemdUnits;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Makes Caddy take the Caddyfile on disk, with the strategy of
 * {@code postern.caddy.reload} (or the host's own), then checks that it runs:
 * {@code systemctl reload} of the unit (then the unit must be active),
 * {@code caddy reload} through the admin endpoint, or {@code caddy adapt} here and a POST
 * of the JSON to the admin API's {@code /load} (then {@code GET /config/} must answer).
 * Loading is atomic in Caddy: when a reload fails, the previous configuration keeps
 * running.
 * <p>
 * A remote host's admin API listens on that host's loopback, out of Postern's reach: it
 * reloads with {@code systemctl} or {@code caddy reload} run there, whose exit code says
 * whether Caddy took the file.
 */
@Component
public class CaddyReloader extends ManagedFileHandler implements ChangeReloader {

	/** The id a change names to reload Caddy. */
	public static final String ID = "caddy";

	private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

	private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);

	private final CommandCatalogue catalogue;

	private final SystemdUnits units;

	@Autowired
	CaddyReloader(PosternProperties properties, CommandCatalogue catalogue, SystemdUnits units) {
		this(ID, properties, catalogue, units);
	}

	/**
	 * A reloader under another id, for a second Caddy setup in tests.
	 */
	CaddyReloader(String id, PosternProperties properties, CommandCatalogue catalogue, SystemdUnits units) {
		super(id, properties);
		this.catalogue = catalogue;
		this.units = units;
	}

	@Override
	protected Path file(ServerSettings settings) {
		return settings.caddy().caddyfile();
	}

	/**
	 * Reload Caddy on a host and check that it runs.
	 * @param host the host
	 * @return whether Caddy took the file, with what was run and said
	 */
	@Override
	public ReloadResult reload(Host host) {
		ServerSettings settings = settings(host);
		return switch (settings.caddy().reload()) {
			case SYSTEMCTL -> systemctl(host, settings);
			case CADDY_CLI -> caddyCli(host, settings);
			case ADMIN_API -> adminApi(host, settings);
		};
	}

	private ReloadResult systemctl(Host host, ServerSettings settings) {
		return this.units.reloadAndCheck(host, settings.units().caddy());
	}

	/**
	 * The admin endpoint Caddy listens on for a host: the one its Caddyfile names, else
	 * {@code postern.caddy.admin-url}.
	 * @param host the host
	 * @return the address in use
	 */
	public CaddyAdminAddress adminAddress(Host host) {
		return CaddyAdminAddress.of(host, properties());
	}

	private ReloadResult caddyCli(Host host, ServerSettings settings) {
		CaddyAdminAddress address = adminAddress(host);
		if (address.url() == null) {
			return unreachable(address);
		}
		URI admin = address.url();
		if (!isLoopback(admin)) {
			return notLoopback(admin);
		}
		CommandResult result = host.run(this.catalogue.command(CommandKind.CADDY_RELOAD, caddyfile(settings),
				admin.getHost() + ":" + port(admin)));
		String output = said("caddy reload", result);
		if (!result.succeeded()) {
			return ReloadResult.failed(output);
		}
		if (settings.remote()) {
			return ReloadResult.succeeded(output + "\ncaddy reload loaded the file through the admin API of "
					+ host.name() + " (its exit code is the check)");
		}
		return verify(admin, output);
	}

	private ReloadResult adminApi(Host host, ServerSettings settings) {
		if (settings.remote()) {
			return ReloadResult.failed("postern.caddy.reload=admin-api posts to Caddy's admin API from Postern's"
					+ " machine, which cannot reach the admin API of " + host.name()
					+ ". Choose systemctl or caddy-cli for this host in its settings (/hosts).");
		}
		CaddyAdminAddress address = adminAddress(host);
		if (address.url() == null) {
			return unreachable(address);
		}
		URI admin = address.url();
		if (!isLoopback(admin)) {
			return notLoopback(admin);
		}
		CommandResult adapted = host.run(this.catalogue.command(CommandKind.CADDY_ADAPT, caddyfile(settings)));
		if (!adapted.succeeded()) {
			return ReloadResult.failed(said("caddy adapt", adapted));
		}
		String output = "caddy adapt: ok";
		try {
			HttpResponse<String> response = http().send(HttpRequest.newBuilder(endpoint(admin, "load"))
				.timeout(HTTP_TIMEOUT)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(adapted.stdout()))
				.build(), HttpResponse.BodyHandlers.ofString());
			output += "\nPOST " + endpoint(admin, "load") + ": HTTP " + response.statusCode()
					+ (response.body().isBlank() ? "" : "\n" + response.body().strip());
			if (response.statusCode() != 200) {
				return ReloadResult.failed(output);
			}
		}
		catch (IOException ex) {
			return ReloadResult.failed(output + "\nPOST " + endpoint(admin, "load") + " failed: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ReloadResult.failed(output + "\ninterrupted");
		}
		return verify(admin, output);
	}

	/**
	 * The admin API answers with the running configuration. (Java's HttpClient cannot
	 * read this answer: Caddy ends it with an HTTP trailer.)
	 */
	private ReloadResult verify(URI admin, String output) {
		URI config = endpoint(admin, "config/");
		HttpURLConnection connection = null;
		try {
			connection = (HttpURLConnection) config.toURL().openConnection(Proxy.NO_PROXY);
			connection.setConnectTimeout((int) Duration.ofSeconds(5).toMillis());
			connection.setReadTimeout((int) HTTP_TIMEOUT.toMillis());
			int status = connection.getResponseCode();
			try (InputStream body = (status < 400) ? connection.getInputStream() : connection.getErrorStream()) {
				if (body != null) {
					body.readAllBytes();
				}
			}
			String checked = output + "\nGET " + config + ": HTTP " + status;
			return (status == 200) ? ReloadResult.succeeded(checked) : ReloadResult.failed(checked);
		}
		catch (IOException ex) {
			return ReloadResult.failed(output + "\nGET " + config + " failed: " + ex.getMessage());
		}
		finally {
			if (connection != null) {
				connection.disconnect();
			}
		}
	}

	private static String caddyfile(ServerSettings settings) {
		return settings.caddy().caddyfile().toAbsolutePath().toString();
	}

	private static HttpClient http() {
		return HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.proxy(HttpClient.Builder.NO_PROXY)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
	}

	private static URI endpoint(URI admin, String path) {
		return URI.create(admin.getScheme() + "://" + admin.getHost() + ":" + port(admin) + "/" + path);
	}

	private static int port(URI admin) {
		return (admin.getPort() > 0) ? admin.getPort() : 2019;
	}

	static boolean isLoopback(URI admin) {
		return "http".equals(admin.getScheme()) && admin.getHost() != null && LOOPBACK.contains(admin.getHost());
	}

	private static ReloadResult notLoopback(URI admin) {
		return ReloadResult
			.failed("Caddy's admin endpoint must be on loopback (localhost, 127.0.0.1 or [::1]) for Postern to reload"
					+ " through it: " + admin);
	}

	private static ReloadResult unreachable(CaddyAdminAddress address) {
		return ReloadResult.failed("Postern cannot reload Caddy through its admin endpoint: " + address.refusal()
				+ ". Reload with systemctl (postern.caddy.reload=systemctl, or the host's own setting).");
	}

	private String said(String what, CommandResult result) {
		StringBuilder text = new StringBuilder(what).append(": ");
		text.append(result.timedOut() ? "timed out" : "exit code " + result.exitCode());
		String output = (result.stdout() + "\n" + result.stderr()).lines()
			.filter((line) -> !line.isBlank() && !line.startsWith("{"))
			.reduce((a, b) -> a + "\n" + b)
			.orElse("");
		return CaddyOutput.hideValues(output.isEmpty() ? text.toString() : text.append('\n').append(output).toString(),
				properties().caddy().environmentVariables());
	}

}
