package postern.health;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resolver client against a DNS server on loopback: answers, missing names, TCP after
 * a truncated answer, and a retry before a timeout is reported.
 */
class DnsClientTests {

	@Test
	void answersTxtWithItsStringsJoined() throws Exception {
		try (ZoneDnsServer server = ZoneDnsServer.start(Duration.ZERO, HealthFixtures.zone("good.test"))) {
			DnsAnswer answer = client(server, Duration.ofSeconds(2)).query("default._domainkey.good.test", Type.TXT)
				.get(5, TimeUnit.SECONDS);
			assertThat(answer.answered()).isTrue();
			assertThat(answer.texts()).containsExactly(HealthFixtures.DKIM);
		}
	}

	@Test
	void missingNameIsAnAnswerWithNoRecord() throws Exception {
		try (ZoneDnsServer server = ZoneDnsServer.start(Duration.ZERO, HealthFixtures.zone("good.test"))) {
			DnsAnswer answer = client(server, Duration.ofSeconds(2)).query("nothing.good.test", Type.TXT)
				.get(5, TimeUnit.SECONDS);
			assertThat(answer.answered()).isTrue();
			assertThat(answer.rcode()).isEqualTo(Rcode.NXDOMAIN);
			assertThat(answer.records()).isEmpty();
		}
	}

	@Test
	void truncatedAnswerIsAskedAgainOverTcp() throws Exception {
		StringBuilder zone = new StringBuilder(HealthFixtures.zone("big.test"));
		for (int i = 0; i < 40; i++) {
			zone.append("many TXT \"record number ").append(i).append(' ').append("x".repeat(60)).append("\"\n");
		}
		try (ZoneDnsServer server = ZoneDnsServer.start(Duration.ZERO, zone.toString())) {
			DnsAnswer answer = client(server, Duration.ofSeconds(2)).query("many.big.test", Type.TXT)
				.get(5, TimeUnit.SECONDS);
			assertThat(answer.texts()).hasSize(40);
		}
	}

	@Test
	void silentServerIsRetriedThenReportedAsATimeout() throws Exception {
		try (ZoneDnsServer server = ZoneDnsServer.start(Duration.ZERO, HealthFixtures.zone("good.test"))) {
			server.silence("good.test");
			DnsAnswer answer = client(server, Duration.ofMillis(300)).query("good.test", Type.MX)
				.get(5, TimeUnit.SECONDS);
			assertThat(answer.outcome()).isEqualTo(DnsAnswer.Outcome.TIMED_OUT);
			assertThat(server.queries()).isEqualTo(2);
		}
	}

	@Test
	void resolverSettingsAreParsed() {
		assertThat(DnsClient.address("127.0.0.1:5353").getPort()).isEqualTo(5353);
		assertThat(DnsClient.address("127.0.0.1").getPort()).isEqualTo(53);
		assertThat(DnsClient.address("[::1]:5353").getPort()).isEqualTo(5353);
		assertThat(DnsClient.address("::1").getPort()).isEqualTo(53);
	}

	private static DnsClient client(ZoneDnsServer server, Duration timeout) {
		return new DnsClient(List.of(DnsClient.address(server.address())), timeout, null);
	}

}
