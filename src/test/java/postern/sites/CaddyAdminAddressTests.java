package postern.sites;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CaddyAdminAddressTests {

	private static final URI CONFIGURED = URI.create("http://localhost:2019");

	@Test
	void theCaddyfileAdminAddressWinsOverTheSetting() {
		CaddyAdminAddress address = of("{\n\tadmin 127.0.0.1:2999\n}\n\na.example.org {\n}\n");
		assertThat(address.url()).isEqualTo(URI.create("http://127.0.0.1:2999"));
		assertThat(address.fromCaddyfile()).isTrue();
		assertThat(address.describe()).isEqualTo("127.0.0.1:2999");
		assertThat(of("{\n    admin :2998 {\n        origins localhost\n    }\n}\n").url())
			.isEqualTo(URI.create("http://localhost:2998"));
		assertThat(of("{\n\tadmin tcp/[::1]:2997\n}\n").url()).isEqualTo(URI.create("http://[::1]:2997"));
	}

	@Test
	void theSettingAppliesWhenTheFileNamesNoAddress() {
		for (String text : new String[] { "a.example.org {\n}\n", "{\n\temail a@example.org\n}\n",
				"{\n\tadmin {\n\t\torigins localhost\n\t}\n}\n", "a.example.org {\n\trespond \"never closed\n}\n" }) {
			CaddyAdminAddress address = of(text);
			assertThat(address.url()).as(text).isEqualTo(CONFIGURED);
			assertThat(address.fromCaddyfile()).as(text).isFalse();
		}
		assertThat(CaddyAdminAddress.of(new byte[0], URI.create("http://localhost")).describe())
			.isEqualTo("localhost:2019");
	}

	@Test
	void anAddressPosternCannotReachIsRefusedWithTheReason() {
		assertThat(of("{\n\tadmin off\n}\n").refusal()).contains("admin off");
		assertThat(of("{\n\tadmin unix//run/caddy/admin.sock\n}\n").refusal()).contains("unix//run/caddy/admin.sock");
		assertThat(of("{\n\tadmin {$CADDY_ADMIN}\n}\n").refusal()).contains("placeholder");
		assertThat(of("{\n\tadmin not-an-address\n}\n").refusal()).contains("not host:port");
		assertThat(of("{\n\tadmin off\n}\n").url()).isNull();
	}

	private static CaddyAdminAddress of(String caddyfile) {
		return CaddyAdminAddress.of(caddyfile.getBytes(StandardCharsets.UTF_8), CONFIGURED);
	}

}
