package postern.security.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Tells every page who is signed in ({@link SignedInInterceptor}).
 */
@Configuration(proxyBeanMethods = false)
class SignedInConfiguration implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new SignedInInterceptor());
	}

}
