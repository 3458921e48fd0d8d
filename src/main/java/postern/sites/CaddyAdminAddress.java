package postern.sites;

import java.net.URI;
import java.util.Optional;

import postern.PosternProperties;
import postern.host.Host;
import postern.host.ServerSettings;
import postern.sites.Caddyfile.Segment;

/**
 * Where Caddy's admin endpoint listens: the address the Caddyfile's global {@code admin}
 * option names, else {@code postern.caddy.admin-url}. Caddy moves its endpoint to the
 * address its file names, so a reload sent anywhere else fails.
 *
 * @param url the endpoint, {@code http://host:port}, or {@code null} when Postern cannot
 * reach it
 * @param fromCaddyfile whether the Caddyfile named it
 * @param refusal why Postern cannot reach it (the admin endpoint is off, on a Unix
 * socket, or named by a placeholder), or {@code null}
 */
public record CaddyAdminAddress(URI url, boolean fromCaddyfile, String refusal) {

	/**
	 * The admin endpoint of a host's Caddy, from its Caddyfile as it is on disk.
	 * @param host the host
	 * @param properties the settings, {@code postern.caddy.admin-url} among them
	 * @return the address in use
	 */
	public static CaddyAdminAddress of(Host host, PosternProperties properties) {
		byte[] caddyfile = host.read(ServerSettings.of(properties, host).caddy().caddyfile()).content();
		return of(caddyfile, properties.caddy().adminUrl());
	}

	/**
	 * The admin endpoint of a Caddyfile.
	 * @param caddyfile the file's bytes
	 * @param configured {@code postern.caddy.admin-url}
	 * @return the address in use
	 */
	public static CaddyAdminAddress of(byte[] caddyfile, URI configured) {
		Optional<String> option;
		try {
			option = Caddyfile.parse(caddyfile)
				.globalOptions()
				.flatMap((global) -> global.segments("admin").stream().findFirst())
				.map(Segment::args)
				.filter((args) -> !args.isEmpty())
				.map((args) -> args.get(0));
		}
		catch (CaddyfileSyntaxException ex) {
			option = Optional.empty();
		}
		return option.map(CaddyAdminAddress::named).orElseGet(() -> new CaddyAdminAddress(configured, false, null));
	}

	private static CaddyAdminAddress named(String address) {
		if ("off".equals(address)) {
			return refused("the Caddyfile's global options turn Caddy's admin endpoint off (admin off)");
		}
		if (address.contains("{")) {
			return refused("the Caddyfile's global options name the admin endpoint with a placeholder (admin " + address
					+ "), whose value Postern does not know");
		}
		String tcp = address.startsWith("tcp/") ? address.substring("tcp/".length()) : address;
		if (tcp.contains("/")) {
			return refused("the Caddyfile's global options put Caddy's admin endpoint on " + address
					+ ", which is not a TCP address Postern can reach");
		}
		try {
			URI url = URI.create("http://" + (tcp.startsWith(":") ? "localhost" + tcp : tcp));
			if (url.getHost() == null || url.getPort() <= 0) {
				return refused("the Caddyfile's admin address " + address + " is not host:port");
			}
			return new CaddyAdminAddress(url, true, null);
		}
		catch (IllegalArgumentException ex) {
			return refused("the Caddyfile's admin address " + address + " is not host:port");
		}
	}

	private static CaddyAdminAddress refused(String reason) {
		return new CaddyAdminAddress(null, true, reason);
	}

	/**
	 * The address as the services page shows it.
	 * @return e.g. {@code localhost:2020}, or the reason it cannot be reached
	 */
	public String describe() {
		return (this.url != null) ? this.url.getHost() + ":" + ((this.url.getPort() > 0) ? this.url.getPort() : 2019)
				: this.refusal;
	}

}
