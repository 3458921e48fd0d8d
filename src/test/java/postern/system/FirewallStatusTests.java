package postern.system;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FirewallStatusTests {

	private static final List<Integer> NEEDED = List.of(25, 465, 587, 993, 443, 22);

	@Test
	void parseActiveSampleReadsPoliciesAndRules() {
		FirewallStatus status = FirewallStatus.parse(Samples.read("ufw-active.txt"));
		assertThat(status.active()).isTrue();
		assertThat(status.logging()).isEqualTo("on (low)");
		assertThat(status.defaultIncoming()).isEqualTo("deny");
		assertThat(status.defaultOutgoing()).isEqualTo("allow");
		assertThat(status.defaultRouted()).isEqualTo("disabled");
		assertThat(status.rules()).hasSize(12);
		assertThat(status.rules().get(0)).isEqualTo(new FirewallRule("OpenSSH", "LIMIT IN", "Anywhere", "", false));
		assertThat(status.rules().get(2)).isEqualTo(new FirewallRule("25/tcp", "ALLOW IN", "Anywhere", "smtp", false));
		assertThat(status.rules().get(5))
			.isEqualTo(new FirewallRule("Anywhere", "DENY IN", "198.51.100.0/24", "", false));
		assertThat(status.rules().get(8)).isEqualTo(new FirewallRule("80,443/tcp", "ALLOW IN", "Anywhere", "", true));
	}

	@Test
	void closedPortsOfSampleIsTheMissingSubmissionOverTls() {
		FirewallStatus status = FirewallStatus.parse(Samples.read("ufw-active.txt"));
		assertThat(status.closedPorts(NEEDED)).containsExactly(465);
		assertThat(status.closedPorts(List.of(8080))).as("allowed from one address only").containsExactly(8080);
	}

	@Test
	void parseInactiveSample() {
		FirewallStatus status = FirewallStatus.parse(Samples.read("ufw-inactive.txt"));
		assertThat(status.active()).isFalse();
		assertThat(status.rules()).isEmpty();
		assertThat(status.closedPorts(NEEDED)).isEmpty();
	}

	@Test
	void rangesListsAndUdpRulesAreReadForTheirPorts() {
		FirewallStatus status = FirewallStatus.parse("""
				Status: active
				Default: deny (incoming), allow (outgoing), disabled (routed)

				To                         Action      From
				--                         ------      ----
				20:30/tcp                  ALLOW IN    Anywhere
				465/udp                    ALLOW IN    Anywhere
				192.0.2.1 443/tcp          ALLOW IN    Anywhere
				587                        ALLOW       Anywhere
				993/tcp                    DENY IN     Anywhere
				""");
		assertThat(status.closedPorts(NEEDED)).containsExactly(465, 993);
	}

	@Test
	void defaultAllowLetsEverythingIn() {
		FirewallStatus status = FirewallStatus
			.parse("Status: active\nDefault: allow (incoming), allow (outgoing), disabled (routed)\n");
		assertThat(status.closedPorts(NEEDED)).isEmpty();
	}

}
