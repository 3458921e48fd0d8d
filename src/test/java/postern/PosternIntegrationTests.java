package postern;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that start the whole application, on a random port, against one
 * server root and data directory in a temporary folder. All of them share one application
 * context.
 */
// A run nobody asked for would ask the system resolver, and take the place of the runs
// the tests start; a test of that run sets its own delay.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "postern.health.first-run-delay=0s")
public abstract class PosternIntegrationTests {

	/** The first admin's password in these tests. */
	protected static final String ADMIN_PASSWORD = "correct horse battery staple 42";

	protected static final TestServerRoot SERVER = TestServerRoot.createIn(temporaryFolder());

	@DynamicPropertySource
	static void serverRoot(DynamicPropertyRegistry registry) {
		SERVER.properties().forEach((key, value) -> registry.add(key, () -> value));
		registry.add("POSTERN_ADMIN_PASSWORD", () -> ADMIN_PASSWORD);
	}

	private static Path temporaryFolder() {
		try {
			Path folder = Files.createTempDirectory("postern-server-root");
			folder.toFile().deleteOnExit();
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
