package postern.audit;

import postern.infrastructure.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditNavigation {

	@Bean
	NavigationItem auditNavigationItem() {
		return new NavigationItem(80, "/audit", "nav.audit");
	}

}
