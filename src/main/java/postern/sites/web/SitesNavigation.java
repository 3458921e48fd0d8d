package postern.sites.web;

import postern.infrastructure.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SitesNavigation {

	@Bean
	NavigationItem sitesNavigationItem() {
		return new NavigationItem(50, "/sites", "sites.nav");
	}

}
