package postern.health;

import postern.infrastructure.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HealthNavigation {

	@Bean
	NavigationItem healthNavigationItem() {
		return new NavigationItem(70, "/health", "nav.health");
	}

}
