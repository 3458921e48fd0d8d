package postern.mail.web;

import postern.infrastructure.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MailNavigation {

	@Bean
	NavigationItem domainsNavigationItem() {
		return new NavigationItem(20, "/domains", "nav.domains");
	}

	@Bean
	NavigationItem aliasesNavigationItem() {
		return new NavigationItem(40, "/aliases", "nav.aliases");
	}

}
