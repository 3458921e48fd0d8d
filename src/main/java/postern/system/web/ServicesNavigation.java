package postern.system.web;

import postern.infrastructure.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ServicesNavigation {

	@Bean
	NavigationItem servicesNavigationItem() {
		return new NavigationItem(60, "/services", "services.nav");
	}

}
