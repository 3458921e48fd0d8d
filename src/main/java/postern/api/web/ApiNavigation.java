package postern.api.web;

import postern.security.AccountLink;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * API tokens belong to the admin who makes them, so their page is reached from the
 * account page rather than from the main navigation.
 */
@Configuration(proxyBeanMethods = false)
class ApiNavigation {

	@Bean
	AccountLink apiTokensAccountLink() {
		return new AccountLink(10, "/account/tokens", "nav.api-tokens");
	}

}
