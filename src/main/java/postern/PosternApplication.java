package postern;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Postern: a web admin panel for a server running Caddy and maddy.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PosternApplication {

	public static void main(String[] args) {
		SpringApplication.run(PosternApplication.class, args);
	}

}
