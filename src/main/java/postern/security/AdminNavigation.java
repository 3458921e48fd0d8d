package postern.security;

import postern.infrastructure.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AdminNavigation {

	@Bean
	NavigationItem adminsNavigationItem() {
		return new NavigationItem(90, "/admins", "nav.admins");
	}

}
