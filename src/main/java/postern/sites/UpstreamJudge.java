package postern.sites;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import postern.PosternProperties;
import postern.host.CommandCatalogue;
import postern.host.CommandKind;
import postern.host.CommandResult;
import postern.host.Host;
import postern.host.TemporaryFile;

import org.springframework.stereotype.Component;

/**
 * Judges what a Caddyfile makes Caddy dial, as Caddy will dial it: from the JSON that
 * {@code caddy adapt} makes of it with Caddy's own environment, so imports, snippets and
 * {@code {$VAR}} are expanded exactly as Caddy expands them, and {@code reverse_proxy},
 * {@code forward_auth} and {@code php_fastcgi} all show as the one proxy handler they
 * become.
 * <p>
 * Caddy's admin endpoint is refused whatever its spelling: the port is read as a number
 * (Go reads {@code 02019} as 2019), and every host that can reach it counts (a name,
 * {@code localhost}, loopback and unspecified addresses in every IPv4 and IPv6 form). An
 * upstream known only when a request comes (a request placeholder, a dynamic source)
 * cannot be judged before Caddy runs, and is reported apart.
 */
@Component
public class UpstreamJudge {

	private static final int DEFAULT_ADMIN_PORT = 2019;

	private static final String DEFAULT_ADMIN_LISTEN = "localhost:" + DEFAULT_ADMIN_PORT;

	/** A runtime placeholder of Caddy's environment, resolved when it is used. */
	private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\{env\\.([^{}]+)\\}");

	/** One IPv4 part as {@code inet_aton} reads it: decimal, octal or hexadecimal. */
	private static final Pattern IPV4_PART = Pattern.compile("0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*");

	private final PosternProperties properties;

	private final CommandCatalogue catalogue;

	private final JsonMapper json = JsonMapper.builder().build();

	UpstreamJudge(PosternProperties properties, CommandCatalogue catalogue) {
		this.properties = properties;
		this.catalogue = catalogue;
	}

	/**
	 * Adapt a candidate Caddyfile (on a temporary copy next to the real one, so relative
	 * imports resolve the same way) and judge what it dials.
	 * @param host the host the Caddyfile is on
	 * @param caddyfile the real Caddyfile
	 * @param candidate the bytes to judge
	 * @return the verdict, or empty when Caddy cannot adapt the file (its validation says
	 * why)
	 */
	public Optional<Verdict> judge(Host host, Path caddyfile, byte[] candidate) {
		try (TemporaryFile temporary = host.writeTemporary(caddyfile, candidate)) {
			CommandResult adapted = host
				.run(this.catalogue.command(CommandKind.CADDY_ADAPT, temporary.path().toString()));
			if (!adapted.succeeded()) {
				return Optional.empty();
			}
			return Optional.of(judge(this.json.readTree(adapted.stdout())));
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Judge a change of the Caddyfile: what the candidate dials, with only the unjudged
	 * upstreams that the file did not have already (an admin let those through before).
	 * @param host the host the Caddyfile is on
	 * @param caddyfile the real Caddyfile
	 * @param before its content now
	 * @param candidate the bytes to judge
	 * @return the verdict, or empty when Caddy cannot adapt the candidate
	 */
	public Optional<Verdict> judgeChange(Host host, Path caddyfile, byte[] before, byte[] candidate) {
		Optional<Verdict> after = judge(host, caddyfile, candidate);
		if (after.isEmpty() || !after.get().refused().isEmpty() || after.get().unjudged().isEmpty()) {
			return after;
		}
		List<String> added = judge(host, caddyfile, before).map(after.get()::newUnjudged)
			.orElse(List.copyOf(after.get().unjudged()));
		return Optional.of(new Verdict(after.get().refused(), new LinkedHashSet<>(added)));
	}

	/**
	 * Judge an adapted configuration.
	 * @param config Caddy's JSON
	 * @return what it dials that is refused or cannot be judged
	 */
	Verdict judge(JsonNode config) {
		return judge(config, adminUrlListen(), environment());
	}

	/**
	 * Judge an adapted configuration.
	 * @param config Caddy's JSON
	 * @param adminUrl the admin endpoint Postern's settings name, {@code host:port}
	 * @param environment Caddy's environment, for {@code {env.VAR}}
	 * @return what it dials that is refused or cannot be judged
	 */
	static Verdict judge(JsonNode config, String adminUrl, Map<String, String> environment) {
		List<Endpoint> admins = adminEndpoints(config, adminUrl);
		Verdict verdict = new Verdict(new LinkedHashSet<>(), new LinkedHashSet<>());
		walk(config, admins, environment, verdict);
		return verdict;
	}

	/**
	 * Judge an upstream typed in a form ({@code host:port}, optionally with a scheme).
	 * @param upstream the form's value
	 * @return whether it is Caddy's admin endpoint
	 */
	public boolean isAdminEndpoint(String upstream) {
		String dial = upstream;
		String lower = upstream.toLowerCase(Locale.ROOT);
		if (lower.startsWith("http://") || lower.startsWith("https://")) {
			URI uri = URI.create(upstream);
			int port = (uri.getPort() > 0) ? uri.getPort() : (lower.startsWith("https") ? 443 : 80);
			dial = uri.getHost() + ":" + port;
		}
		List<Endpoint> admins = List.of(endpoint(adminUrlListen()), endpoint(DEFAULT_ADMIN_LISTEN));
		return dial(dial, admins, Map.of()) == Judgement.ADMIN;
	}

	private String adminUrlListen() {
		URI admin = this.properties.caddy().adminUrl();
		int port = (admin.getPort() > 0) ? admin.getPort() : DEFAULT_ADMIN_PORT;
		return Objects.toString(admin.getHost(), "") + ":" + port;
	}

	/**
	 * The admin endpoint in use (the global {@code admin} option, Caddy's default when
	 * there is none) and the one Postern's settings name.
	 */
	private static List<Endpoint> adminEndpoints(JsonNode config, String adminUrl) {
		List<Endpoint> admins = new ArrayList<>();
		admins.add(endpoint(adminUrl));
		JsonNode listen = config.path("admin").path("listen");
		admins.add(endpoint(listen.isString() ? listen.asString() : DEFAULT_ADMIN_LISTEN));
		return admins;
	}

	private static void walk(JsonNode node, List<Endpoint> admins, Map<String, String> environment, Verdict verdict) {
		if (node.isObject()) {
			if ("reverse_proxy".equals(node.path("handler").asString(""))) {
				proxy(node, admins, environment, verdict);
			}
			if ("net".equals(node.path("output").asString("")) && node.path("address").isString()) {
				judge("log output net", node.path("address").asString(), admins, environment, verdict);
			}
			node.forEach((child) -> walk(child, admins, environment, verdict));
		}
		else if (node.isArray()) {
			node.forEach((child) -> walk(child, admins, environment, verdict));
		}
		else if (node.isString()) {
			url(node.asString(), admins, verdict);
		}
	}

	private static void proxy(JsonNode proxy, List<Endpoint> admins, Map<String, String> environment, Verdict verdict) {
		String name = "fastcgi".equals(proxy.path("transport").path("protocol").asString("")) ? "php_fastcgi"
				: "reverse_proxy";
		for (JsonNode upstream : proxy.path("upstreams")) {
			judge(name, upstream.path("dial").asString(""), admins, environment, verdict);
		}
		JsonNode dynamic = proxy.path("dynamic_upstreams");
		if (dynamic.isObject()) {
			String described = name + " dynamic " + dynamic.toString();
			String port = dynamic.path("port").asString("");
			if (!port.isEmpty()
					&& dial(dynamic.path("name").asString("") + ":" + port, admins, environment) == Judgement.ADMIN) {
				verdict.refused().add(described);
			}
			else {
				verdict.unjudged().add(described);
			}
		}
		JsonNode healthPort = proxy.path("health_checks").path("active").path("port");
		if (healthPort.isNumber() && admins.stream().anyMatch((admin) -> admin.port() == healthPort.asInt())) {
			verdict.refused().add(name + " health_port " + healthPort.asInt());
		}
		for (JsonNode value : proxy.path("headers").path("request").path("set").path("Host")) {
			if (dial(value.asString(""), admins, environment) == Judgement.ADMIN) {
				verdict.refused().add(name + " header_up Host " + value.asString(""));
			}
		}
	}

	private static void judge(String directive, String dial, List<Endpoint> admins, Map<String, String> environment,
			Verdict verdict) {
		switch (dial(dial, admins, environment)) {
			case ADMIN -> verdict.refused().add(directive + " " + dial);
			case UNKNOWN -> verdict.unjudged().add(directive + " " + dial);
			case OTHER -> {
			}
		}
	}

	/**
	 * Any URL in the configuration (a certificate fetched over HTTP, an ACME directory,
	 * an on-demand {@code ask} endpoint) is dialed too.
	 */
	private static void url(String value, List<Endpoint> admins, Verdict verdict) {
		String lower = value.toLowerCase(Locale.ROOT);
		if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
			return;
		}
		try {
			URI uri = URI.create(value);
			if (uri.getRawAuthority() == null) {
				return;
			}
			String authority = uri.getRawAuthority().replaceFirst("^.*@", "");
			boolean hasPort = authority.matches(".*:[0-9]+$") && !authority.endsWith("]");
			String dial = hasPort ? authority : authority + ":" + (lower.startsWith("https") ? 443 : 80);
			if (dial(dial, admins, Map.of()) == Judgement.ADMIN) {
				verdict.refused().add(value);
			}
		}
		catch (IllegalArgumentException ex) {
			// not a URL Caddy could dial either
		}
	}

	private Map<String, String> environment() {
		return this.properties.caddy().environmentVariables();
	}

	/**
	 * How Caddy dials an address: {@code [network/]host:port}, the port possibly a range.
	 */
	static Judgement dial(String address, List<Endpoint> admins, Map<String, String> environment) {
		String resolved = resolve(address, environment);
		String network = "tcp";
		int slash = resolved.indexOf('/');
		if (slash >= 0 && !resolved.substring(0, slash).contains("{")) {
			network = resolved.substring(0, slash).strip().toLowerCase(Locale.ROOT);
			resolved = resolved.substring(slash + 1);
		}
		if (network.startsWith("unix")) {
			return unix(resolved, admins);
		}
		String host;
		String port;
		int bracket = resolved.indexOf(']');
		if (resolved.startsWith("[") && bracket > 0) {
			host = resolved.substring(1, bracket);
			port = resolved.substring(bracket + 1).replaceFirst("^:", "");
		}
		else if (resolved.indexOf(':') != resolved.lastIndexOf(':')) {
			// a bare IPv6 address: Caddy would add a port of its own
			host = resolved;
			port = "";
		}
		else {
			int colon = resolved.lastIndexOf(':');
			host = (colon >= 0) ? resolved.substring(0, colon) : resolved;
			port = (colon >= 0) ? resolved.substring(colon + 1) : "";
		}
		PortRange ports = PortRange.parse(port);
		boolean placeholder = host.contains("{") || port.contains("{");
		for (Endpoint admin : admins) {
			if (admin.socket() == null && ports != null && ports.contains(admin.port())
					&& reaches(host, admin.host())) {
				return Judgement.ADMIN;
			}
		}
		return (placeholder || ports == null) ? Judgement.UNKNOWN : Judgement.OTHER;
	}

	private static Judgement unix(String path, List<Endpoint> admins) {
		if (path.contains("{")) {
			return Judgement.UNKNOWN;
		}
		Path socket = Path.of(path).normalize();
		return admins.stream().anyMatch((admin) -> socket.equals(admin.socket())) ? Judgement.ADMIN : Judgement.OTHER;
	}

	private static String resolve(String address, Map<String, String> environment) {
		Matcher placeholder = ENV_PLACEHOLDER.matcher(address);
		StringBuilder resolved = new StringBuilder();
		while (placeholder.find()) {
			placeholder.appendReplacement(resolved,
					Matcher.quoteReplacement(environment.getOrDefault(placeholder.group(1), "")));
		}
		return placeholder.appendTail(resolved).toString();
	}

	/**
	 * Whether dialing a host can reach an admin endpoint listening on another: only an
	 * address literal that is neither loopback, nor unspecified, nor the admin's own, is
	 * known to lead elsewhere. A name may resolve to loopback.
	 */
	static boolean reaches(String host, String adminHost) {
		Optional<InetAddress> address = literal(host);
		if (address.isEmpty()) {
			return true;
		}
		if (local(address.get())) {
			return true;
		}
		return literal(adminHost).map((admin) -> admin.isAnyLocalAddress() || admin.equals(address.get()))
			.orElse(adminHost.isEmpty());
	}

	private static boolean local(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (bytes.length == 16 && isZero(bytes, 12)) {
			// an IPv4-compatible IPv6 address (::127.0.0.1) of a local IPv4 address
			return bytes[12] == 127 || isZero(bytes, 16);
		}
		return false;
	}

	private static boolean isZero(byte[] bytes, int count) {
		for (int i = 0; i < count; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * An address literal, read as a resolver may: IPv6 (an IPv4-mapped one becomes IPv4),
	 * or IPv4 in every form {@code inet_aton} takes ({@code 127.1}, {@code 2130706433},
	 * {@code 0x7f.1}, {@code 0177.0.0.1}). Never a look-up of a name.
	 */
	static Optional<InetAddress> literal(String host) {
		String bare = host.replaceAll("^\\[|\\]$", "");
		int zone = bare.indexOf('%');
		if (zone >= 0) {
			bare = bare.substring(0, zone);
		}
		try {
			if (bare.contains(":")) {
				// with a colon InetAddress reads a literal and never looks a name up
				return Optional.of(InetAddress.getByName("[" + bare + "]"));
			}
			return ipv4(bare).map((bytes) -> {
				try {
					return InetAddress.getByAddress(bytes);
				}
				catch (UnknownHostException ex) {
					throw new IllegalStateException(ex);
				}
			});
		}
		catch (UnknownHostException ex) {
			return Optional.empty();
		}
	}

	private static Optional<byte[]> ipv4(String host) {
		String[] parts = host.split("\\.", -1);
		if (host.isEmpty() || parts.length > 4) {
			return Optional.empty();
		}
		long[] values = new long[parts.length];
		for (int i = 0; i < parts.length; i++) {
			if (!IPV4_PART.matcher(parts[i]).matches() || parts[i].length() > 12) {
				return Optional.empty();
			}
			String part = parts[i].toLowerCase(Locale.ROOT);
			values[i] = part.startsWith("0x") ? (part.length() == 2 ? 0 : Long.parseLong(part.substring(2), 16))
					: (part.length() > 1 && part.startsWith("0")) ? Long.parseLong(part.substring(1), 8)
							: Long.parseLong(part);
		}
		long address = 0;
		for (int i = 0; i < values.length - 1; i++) {
			if (values[i] > 255) {
				return Optional.empty();
			}
			address |= values[i] << (8 * (3 - i));
		}
		long last = values[values.length - 1];
		if (last >= (1L << (8 * (5 - values.length)))) {
			return Optional.empty();
		}
		address |= last;
		return Optional
			.of(new byte[] { (byte) (address >> 24), (byte) (address >> 16), (byte) (address >> 8), (byte) address });
	}

	private static Endpoint endpoint(String listen) {
		String address = listen;
		int slash = address.indexOf('/');
		if (slash >= 0) {
			String network = address.substring(0, slash).toLowerCase(Locale.ROOT);
			address = address.substring(slash + 1);
			if (network.startsWith("unix")) {
				return new Endpoint(null, -1, Path.of(address).normalize());
			}
		}
		int colon = address.lastIndexOf(':');
		String host = (colon >= 0) ? address.substring(0, colon) : address;
		PortRange ports = (colon >= 0) ? PortRange.parse(address.substring(colon + 1)) : null;
		return new Endpoint(host.replaceAll("^\\[|\\]$", ""), (ports != null) ? (int) ports.low() : DEFAULT_ADMIN_PORT,
				null);
	}

	/**
	 * What a dial address is.
	 */
	enum Judgement {

		/** Caddy's admin endpoint. */
		ADMIN,

		/** Known only when Caddy runs. */
		UNKNOWN,

		/** Anything else. */
		OTHER

	}

	/**
	 * Where Caddy's admin API listens.
	 *
	 * @param host its host, empty for every address; {@code null} for a socket
	 * @param port its port
	 * @param socket its Unix socket, or {@code null}
	 */
	record Endpoint(String host, int port, Path socket) {
	}

	/**
	 * A port or a range of ports, as numbers (leading zeros are Go's too).
	 *
	 * @param low the first port
	 * @param high the last port
	 */
	record PortRange(long low, long high) {

		static PortRange parse(String text) {
			Matcher range = Pattern.compile("([0-9]{1,20})(?:-([0-9]{1,20}))?").matcher(text.strip());
			if (!range.matches()) {
				return null;
			}
			long low = number(range.group(1));
			long high = (range.group(2) != null) ? number(range.group(2)) : low;
			return new PortRange(low, high);
		}

		private static long number(String digits) {
			String significant = digits.replaceFirst("^0+(?=.)", "");
			return (significant.length() > 12) ? Long.MAX_VALUE : Long.parseLong(significant);
		}

		boolean contains(int port) {
			return this.low <= port && port <= this.high;
		}

	}

	/**
	 * What a configuration dials that is refused, and what cannot be judged before Caddy
	 * runs.
	 *
	 * @param refused Caddy's admin endpoint, each with the directive that dials it
	 * @param unjudged upstreams known only when Caddy runs
	 */
	public record Verdict(Set<String> refused, Set<String> unjudged) {

		/**
		 * The unjudged upstreams that another verdict (the file before the change) does
		 * not have.
		 * @param before the verdict on the file as it was
		 * @return the new ones, in order
		 */
		public List<String> newUnjudged(Verdict before) {
			return this.unjudged.stream().filter((upstream) -> !before.unjudged().contains(upstream)).toList();
		}

	}

}
