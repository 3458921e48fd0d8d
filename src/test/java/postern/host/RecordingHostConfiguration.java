package postern.host;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Puts a {@link RecordingHost} in front of the local machine, so a test can tell which
 * commands ran and which files were touched.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordingHostConfiguration {

	@Bean
	RecordingHost recordingHost(LocalHost localHost) {
		return new RecordingHost(localHost);
	}

	@Bean
	@Primary
	Hosts recordingHosts(RecordingHost host) {
		return () -> host;
	}

}
