package postern;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SystemBinariesTests {

	private static final Path MISSING = Path.of("/nonexistent/postern/tool");

	@Test
	void requireWhenInstalledReturnsTheFirstExecutable() {
		assertThat(SystemBinaries.require("sh", true, MISSING, Path.of("/bin/sh"))).isEqualTo(Path.of("/bin/sh"));
	}

	@Test
	void requireWhenMissingUnderCiFails() {
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> SystemBinaries.require("tool", true, MISSING))
			.withMessageContaining("CI=true");
	}

	@Test
	void requireWhenMissingOnDeveloperMachineSkips() {
		assertThatExceptionOfType(TestAbortedException.class)
			.isThrownBy(() -> SystemBinaries.require("tool", false, MISSING))
			.withMessageContaining("skipping");
	}

}
