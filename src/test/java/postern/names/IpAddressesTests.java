package postern.names;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class IpAddressesTests {

	@ParameterizedTest
	@CsvSource({ "0:0:0:0:0:0:0:1, ::1", "2a02:c204:2231:478:0:0:0:1, 2a02:c204:2231:478::1",
			"2001:DB8:0:0:1:0:0:1, 2001:db8::1:0:0:1", "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
			"2001:0db8:0000:0000:0000:0000:0002:0001, 2001:db8::2:1", "0:0:0:0:0:0:0:0, ::",
			"fe80:0:0:0:0:0:0:1%eth0, fe80::1%eth0", "1:0:0:2:0:0:0:3, 1:0:0:2::3",
			"::ffff:192.0.2.1, ::ffff:192.0.2.1", "192.0.2.10, 192.0.2.10", "[::1], ::1",
			"mx1.example.org, mx1.example.org", "2001:db8:1:2:3:4:5:0, 2001:db8:1:2:3:4:5:0" })
	void addressesAreWrittenInTheirRfc5952Form(String written, String canonical) {
		assertThat(IpAddresses.normal(written)).isEqualTo(canonical);
	}

	@ParameterizedTest
	@CsvSource({ "::1, ::1", "2a02:c204:2231:478::1, 2a02:c204:2231:478::1", "127.0.0.1, 127.0.0.1" })
	void inetAddressesAreWrittenInTheSameForm(String literal, String canonical) throws Exception {
		assertThat(IpAddresses.text(InetAddress.getByName(literal))).isEqualTo(canonical);
	}

}
