package postern.host;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import postern.PosternProperties;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The machine Postern runs on, the host every session starts on (the managed hosts add
 * the remote ones).
 */
@Configuration(proxyBeanMethods = false)
class HostConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(HostConfiguration.class);

	@Bean
	LocalHost localHost(PosternProperties properties, ApplicationEventPublisher events) {
		return new LocalHost(localHostName(), properties.backups(), events, Clock.systemUTC());
	}

	/**
	 * The machine's name as the admin knows it. A machine whose own name does not resolve
	 * still starts, under a generic name.
	 */
	static String localHostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			logger.warn("Could not resolve this machine's name; calling it localhost", ex);
			return "localhost";
		}
	}

}
