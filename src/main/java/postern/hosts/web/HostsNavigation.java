package postern.hosts.web;

import postern.infrastructure.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HostsNavigation {

	@Bean
	NavigationItem hostsNavigationItem() {
		return new NavigationItem(90, "/hosts", "hosts.nav");
	}

}
