package postern.mail.web;

import postern.infrastructure.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MailboxNavigation {

	@Bean
	NavigationItem mailboxesNavigationItem() {
		return new NavigationItem(30, "/mailboxes", "nav.mailboxes");
	}

}
