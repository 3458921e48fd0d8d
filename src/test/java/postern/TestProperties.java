package postern;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Postern's settings as {@code application.yml} gives them, with some overridden, for
 * tests that build a service without an application context.
 */
public final class TestProperties {

	private TestProperties() {
	}

	/**
	 * Bind the settings.
	 * @param overrides keys such as {@code postern.maddy.config} and their values
	 * @return the settings, not validated
	 */
	public static PosternProperties bind(Map<String, Object> overrides) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("overrides", overrides));
		try {
			List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application.yml",
					new ClassPathResource("application.yml"));
			yaml.forEach(environment.getPropertySources()::addLast);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Binder(ConfigurationPropertySources.from(environment.getPropertySources()),
				new PropertySourcesPlaceholdersResolver(environment))
			.bind("postern", PosternProperties.class)
			.get();
	}

}
