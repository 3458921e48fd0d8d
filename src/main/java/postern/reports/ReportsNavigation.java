package postern.reports;

import postern.infrastructure.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReportsNavigation {

	@Bean
	NavigationItem reportsNavigationItem() {
		return new NavigationItem(75, "/reports", "nav.reports");
	}

}
