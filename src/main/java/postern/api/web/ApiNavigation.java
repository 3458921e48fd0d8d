package postern.api.web;

import postern.infrastructure.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ApiNavigation {

	@Bean
	NavigationItem apiTokensNavigationItem() {
		return new NavigationItem(95, "/account/tokens", "nav.api-tokens");
	}

}
