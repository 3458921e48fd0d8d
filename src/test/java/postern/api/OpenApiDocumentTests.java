package postern.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import org.junit.jupiter.api.Test;

import postern.PosternIntegrationTests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The OpenAPI description Postern serves is a file, {@code src/main/resources/api}: here
 * springdoc describes the API's controllers as they are, and the file must say the same.
 * After a change to the API, {@code -Dopenapi.write=true} writes the new description:
 * {@code ./mvnw test -Dtest=OpenApiDocumentTests -Dopenapi.write=true}.
 */
@AutoConfigureMockMvc
@TestPropertySource(properties = { "springdoc.api-docs.enabled=true", "springdoc.api-docs.path=/springdoc/openapi",
		"springdoc.paths-to-match=/api/v1/**", "springdoc.paths-to-exclude=/api/v1/openapi,/api/v1/openapi.yaml",
		"springdoc.writer-with-order-by-keys=true", "springdoc.writer-with-default-pretty-printer=true" })
class OpenApiDocumentTests extends PosternIntegrationTests {

	private static final Path RESOURCES = Path.of("src/main/resources");

	@Autowired
	MockMvc mvc;

	@Test
	void theServedJsonIsWhatTheControllersDescribe() throws Exception {
		String described = describe("/springdoc/openapi");
		assertThat(described).contains("\"/api/v1/mailboxes\"", "\"/api/v1/reports\"")
			.doesNotContain("\"/api/v1/openapi\"", "\"/account/tokens\"");
		assertSame("api/openapi.json", described);
	}

	@Test
	void theServedYamlIsWhatTheControllersDescribe() throws Exception {
		String described = describe("/springdoc/openapi.yaml");
		assertThat(described).contains("/api/v1/services/{unit}/reload:");
		assertSame("api/openapi.yaml", described);
	}

	private String describe(String path) throws Exception {
		return this.mvc.perform(get(path).with(user("admin").roles("ADMIN")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static void assertSame(String resource, String described) throws IOException {
		Path file = RESOURCES.resolve(resource);
		if (Boolean.getBoolean("openapi.write")) {
			Files.writeString(file, described);
		}
		assertThat(Files.readString(file))
			.as("%s no longer describes the API: run ./mvnw test -Dtest=OpenApiDocumentTests -Dopenapi.write=true",
					file)
			.isEqualTo(described);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Description {

		/**
		 * The served file is the same on every host and port, so its server is the one it
		 * is read from.
		 */
		@Bean
		OpenAPI postern() {
			return new OpenAPI().info(new Info().title("Postern API").version("v1"))
				.servers(List.of(new Server().url("/")));
		}

	}

}
