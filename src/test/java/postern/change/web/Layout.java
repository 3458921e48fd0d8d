package postern.change.web;

import org.springframework.core.io.ClassPathResource;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shared page layout ({@code templates/fragments/layout.html}) is written on the main
 * line; the tests that render a whole page run once it is on the classpath.
 */
final class Layout {

	private Layout() {
	}

	static void assumePresent() {
		assumeTrue(new ClassPathResource("templates/fragments/layout.html").exists(),
				"the shared layout is not on the classpath yet");
	}

}
