package postern.imports.web;

import postern.infrastructure.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ImportNavigation {

	@Bean
	NavigationItem importNavigationItem() {
		return new NavigationItem(45, "/import", "nav.import");
	}

}
