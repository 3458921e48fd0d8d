package postern.health;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's public addresses from sample {@code ip -j addr show} output (written from
 * iproute2's documented JSON on Debian 12): loopback, private, unique-local, link-local
 * and temporary addresses are left out.
 */
class ServerAddressesTests {

	@Test
	void globalPublicAddressesAreKept() throws IOException {
		String json = new ClassPathResource("health/ip-addr.json").getContentAsString(StandardCharsets.UTF_8);
		ServerAddresses.Addresses addresses = ServerAddresses.parse(json);
		assertThat(addresses.ipv4()).containsExactly("203.0.113.10");
		assertThat(addresses.ipv6()).containsExactly("2001:db8::10");
	}

	@Test
	void unexpectedOutputGivesNoAddress() {
		assertThat(ServerAddresses.parse("not json").ipv4()).isEmpty();
		assertThat(ServerAddresses.parse("{}").ipv6()).isEmpty();
	}

}
