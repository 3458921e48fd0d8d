package postern.security;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;

import postern.TestProperties;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TrustedProxiesTests {

	@Test
	void defaultTrustsLoopbackOnlyInEveryFormTomcatReports() {
		Pattern trusted = Pattern.compile(TrustedProxies.pattern(List.of("127.0.0.1", "::1")));
		assertThat(trusted.matcher("127.0.0.1").matches()).isTrue();
		assertThat(trusted.matcher("::1").matches()).isTrue();
		assertThat(trusted.matcher("0:0:0:0:0:0:0:1").matches()).isTrue();
		assertThat(trusted.matcher("127.0.0.10").matches()).isFalse();
		assertThat(trusted.matcher("10.0.0.1").matches()).as("Tomcat's default trusts it; Postern does not").isFalse();
		assertThat(trusted.matcher("192.168.1.1").matches()).isFalse();
		assertThat(trusted.matcher("1270001").matches()).as("dots are not wildcards").isFalse();
	}

	@Test
	void emptyListTrustsNobody() {
		Pattern trusted = Pattern.compile(TrustedProxies.pattern(List.of()));
		assertThat(trusted.matcher("127.0.0.1").matches()).isFalse();
	}

	@Test
	void hostNamesAreRefusedNotResolved() {
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedProxies.pattern(List.of("localhost")));
	}

	@Test
	void narrowsTheRemoteIpValveThatBootInstalls() {
		TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory();
		RemoteIpValve valve = new RemoteIpValve();
		factory.addEngineValves(valve);
		new TrustedProxies(TestProperties.bind(Map.of("postern.security.trusted-proxies", "192.0.2.7")))
			.customize(factory);
		Pattern trusted = Pattern.compile(valve.getInternalProxies());
		assertThat(trusted.matcher("192.0.2.7").matches()).isTrue();
		assertThat(trusted.matcher("127.0.0.1").matches()).isFalse();
	}

}
