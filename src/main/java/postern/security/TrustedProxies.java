package postern.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;

import postern.PosternProperties;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Believes {@code X-Forwarded-For} and {@code X-Forwarded-Proto} only from the addresses
 * of {@code postern.security.trusted-proxies}. Spring Boot's
 * {@code forward-headers-strategy: native} installs Tomcat's {@link RemoteIpValve}, whose
 * default trusts every private network; this narrows it to the configured proxies. Runs
 * after Boot's own customizer, which adds the valve.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final List<String> proxies;

	TrustedProxies(PosternProperties properties) {
		this.proxies = properties.security().trustedProxies();
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		String pattern = pattern(this.proxies);
		for (Valve valve : factory.getEngineValves()) {
			if (valve instanceof RemoteIpValve remoteIp) {
				remoteIp.setInternalProxies(pattern);
				remoteIp.setTrustedProxies(null);
			}
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * The regular expression Tomcat matches a client address against: each proxy in the
	 * forms Tomcat may report it in (IPv6 both compressed and in full).
	 * @param proxies IP addresses, never host names (nothing is resolved)
	 * @return the expression; one that matches nothing when the list is empty
	 */
	static String pattern(List<String> proxies) {
		Set<String> forms = new LinkedHashSet<>();
		for (String proxy : proxies) {
			String address = proxy.strip();
			if (address.isEmpty()) {
				continue;
			}
			forms.add(address);
			forms.add(literal(address).getHostAddress());
		}
		if (forms.isEmpty()) {
			return "(?!)";
		}
		return forms.stream().map(Pattern::quote).collect(Collectors.joining("|"));
	}

	private static InetAddress literal(String address) {
		// Only literals get here (the setting is validated), so nothing goes to DNS.
		if (!address.matches("[0-9A-Fa-f:.]+")) {
			throw new IllegalArgumentException("Not an IP address: " + address);
		}
		try {
			return InetAddress.getByName(address);
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("Not an IP address: " + address, ex);
		}
	}

}
