package postern.health;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import postern.PosternProperties;
import postern.host.CommandCatalogue;
import postern.host.CommandKind;
import postern.host.CommandResult;
import postern.host.Hosts;

import org.springframework.stereotype.Component;

/**
 * The server's public addresses: {@code postern.server.ipv4}/{@code ipv6} when set, else
 * the global addresses of the host ({@code ip -j addr show}), leaving out private,
 * temporary and deprecated ones.
 */
@Component
public class ServerAddresses {

	private final Hosts hosts;

	private final CommandCatalogue catalogue;

	/** The addresses the settings give, read once; {@code null} when they give none. */
	private final Addresses configured;

	ServerAddresses(Hosts hosts, CommandCatalogue catalogue, PosternProperties properties) {
		this.hosts = hosts;
		this.catalogue = catalogue;
		this.configured = configured(properties.server());
	}

	private static Addresses configured(PosternProperties.Server server) {
		boolean v4Set = server.ipv4() != null && !server.ipv4().isBlank();
		boolean v6Set = server.ipv6() != null && !server.ipv6().isBlank();
		if (!v4Set && !v6Set) {
			return null;
		}
		return new Addresses(v4Set ? List.of(DnsChecks.normal(server.ipv4().strip())) : List.of(),
				v6Set ? List.of(DnsChecks.normal(server.ipv6().strip())) : List.of());
	}

	/**
	 * The addresses.
	 * @return the IPv4 and IPv6 addresses; empty lists when none are set or found
	 */
	public Addresses current() {
		if (this.configured != null) {
			return this.configured;
		}
		try {
			CommandResult result = this.hosts.current().run(this.catalogue.command(CommandKind.IP_ADDR_JSON));
			return result.succeeded() ? parse(result.stdout()) : new Addresses(List.of(), List.of());
		}
		catch (RuntimeException ex) {
			return new Addresses(List.of(), List.of());
		}
	}

	/**
	 * Read the output of {@code ip -j addr show}.
	 * @param json the output
	 * @return the public addresses
	 */
	static Addresses parse(String json) {
		List<String> v4 = new ArrayList<>();
		List<String> v6 = new ArrayList<>();
		try {
			for (JsonNode link : JsonMapper.builder().build().readTree(json)) {
				for (JsonNode address : link.path("addr_info")) {
					String local = address.path("local").asString("");
					if (!"global".equals(address.path("scope").asString(""))
							|| address.path("temporary").asBoolean(false) || address.path("deprecated").asBoolean(false)
							|| !isPublic(local)) {
						continue;
					}
					if ("inet".equals(address.path("family").asString(""))) {
						v4.add(local);
					}
					else if ("inet6".equals(address.path("family").asString(""))) {
						v6.add(DnsChecks.normal(local));
					}
				}
			}
		}
		catch (JacksonException ex) {
			// not the expected output: nothing found
		}
		return new Addresses(v4, v6);
	}

	private static boolean isPublic(String ip) {
		if (!ip.matches("[0-9a-fA-F:.]+")) {
			return false;
		}
		try {
			InetAddress address = InetAddress.getByName(ip);
			byte[] bytes = address.getAddress();
			boolean uniqueLocal = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
			boolean sharedSpace = bytes.length == 4 && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64;
			return !(address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
					|| address.isAnyLocalAddress() || uniqueLocal || sharedSpace);
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	/**
	 * The server's public addresses.
	 *
	 * @param ipv4 the IPv4 addresses
	 * @param ipv6 the IPv6 addresses
	 */
	public record Addresses(List<String> ipv4, List<String> ipv6) {

		public Addresses {
			ipv4 = List.copyOf(ipv4);
			ipv6 = List.copyOf(ipv6);
		}

	}

}
