package postern.infrastructure;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
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

	/**
	 * Boot's message source, set from {@code spring.messages.*} as Boot sets it, with the
	 * texts of the pages kept once formatted.
	 * @param environment where the settings are
	 * @return the message source
	 */
	@Bean
	MessageSource messageSource(Environment environment) {
		MessageSourceProperties settings = Binder.get(environment)
			.bindOrCreate("spring.messages", MessageSourceProperties.class);
		KeptTextsMessageSource messages = new KeptTextsMessageSource();
		messages.setBasenames(settings.getBasename().toArray(String[]::new));
		if (settings.getEncoding() != null) {
			messages.setDefaultEncoding(settings.getEncoding().name());
		}
		messages.setFallbackToSystemLocale(settings.isFallbackToSystemLocale());
		if (settings.getCacheDuration() != null) {
			messages.setCacheMillis(settings.getCacheDuration().toMillis());
		}
		messages.setAlwaysUseMessageFormat(settings.isAlwaysUseMessageFormat());
		messages.setUseCodeAsDefaultMessage(settings.isUseCodeAsDefaultMessage());
		return messages;
	}

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
