package postern.imports.web;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.multipart.MultipartResolver;

/**
 * The upload limit of the import page, checked ahead of the security filters.
 */
@Configuration(proxyBeanMethods = false)
class ImportWebConfiguration {

	@Bean
	FilterRegistrationBean<ImportUploadLimitFilter> importUploadLimitFilter(MultipartResolver multipartResolver) {
		FilterRegistrationBean<ImportUploadLimitFilter> registration = new FilterRegistrationBean<>(
				new ImportUploadLimitFilter(multipartResolver));
		registration.addUrlPatterns("/import");
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
		return registration;
	}

}
