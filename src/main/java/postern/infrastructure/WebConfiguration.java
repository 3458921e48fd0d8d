package postern.infrastructure;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The language switch: {@code ?lang=fr} or {@code ?lang=en} on any page, remembered in a
 * cookie; the public URLs of the pages' links to static resources.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("postern-lang");
		resolver.setDefaultLocale(Locale.ENGLISH);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieSameSite("Strict");
		resolver.setCookieHttpOnly(true);
		return resolver;
	}

	/**
	 * Takes the place of the resource-URL filter Boot registers for Thymeleaf (hence the
	 * type Boot looks for), with the same dispatcher types. The provider is taken at the
	 * first link: filters are made before the MVC configuration that holds it.
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceLinkFilter(
			@Qualifier("mvcResourceUrlProvider") ObjectProvider<ResourceUrlProvider> provider) {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceLinkFilter(provider::getObject));
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

}
