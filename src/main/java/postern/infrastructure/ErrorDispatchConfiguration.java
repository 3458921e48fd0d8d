package postern.infrastructure;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * What error pages need of the requests they are drawn for.
 */
@Configuration(proxyBeanMethods = false)
class ErrorDispatchConfiguration {

	@Bean
	FilterRegistrationBean<UnreadFormErrorFilter> unreadFormErrorFilter() {
		FilterRegistrationBean<UnreadFormErrorFilter> registration = new FilterRegistrationBean<>(
				new UnreadFormErrorFilter());
		registration.setDispatcherTypes(DispatcherType.ERROR);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
