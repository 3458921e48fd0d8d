package postern;

import java.nio.file.Path;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts Postern against a sandbox server root in {@code target/sandbox}, with the test
 * stand-ins of the system tools and real Caddy when it is installed: a full demo without
 * a real server. Run it with {@code ./mvnw spring-boot:test-run}. The sandbox keeps its
 * state between runs; delete {@code target/sandbox} to start afresh.
 */
public final class SandboxPosternApplication {

	private SandboxPosternApplication() {
	}

	public static void main(String[] args) {
		TestServerRoot sandbox = TestServerRoot.createIn(Path.of("target/sandbox"));
		// First in line, so the sandbox paths win over application.yml's server defaults.
		new SpringApplicationBuilder(PosternApplication.class)
			.initializers((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("sandbox", sandbox.properties())))
			.run(args);
	}

}
