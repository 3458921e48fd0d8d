package postern.dashboard;

import postern.infrastructure.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DashboardNavigation {

	@Bean
	NavigationItem dashboardNavigationItem() {
		return new NavigationItem(10, "/", "nav.dashboard");
	}

}
