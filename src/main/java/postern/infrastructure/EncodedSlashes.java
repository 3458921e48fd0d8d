package postern.infrastructure;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Lets an encoded slash ({@code %2F}) through to the controllers: maddy accepts a
 * {@code /} in a mailbox or alias name, and the link to that name must reach the page for
 * it. Tomcat and Spring Security refuse such paths by default. Spring MVC matches its
 * patterns on the request URI as sent, where {@code %2F} stays inside one path segment
 * and is decoded only in the path variable, so no path can climb out of its pattern.
 */
@Configuration(proxyBeanMethods = false)
class EncodedSlashes {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> encodedSlashesKeptEncoded() {
		return (factory) -> factory.addConnectorCustomizers(
				(connector) -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
	}

	@Bean
	HttpFirewall encodedSlashFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowUrlEncodedSlash(true);
		// the firewall reads the path as sent, where %2F leaves a "%": nothing in Postern
		// decodes a path twice
		firewall.setAllowUrlEncodedPercent(true);
		return firewall;
	}

}
