package postern;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * Finds a system program a test needs (caddy, chromium, sshd). Where it is missing, the
 * test is skipped with a message on a developer machine, and fails under {@code CI=true},
 * where {@code .ci/run} must have installed it: a test never passes silently without the
 * program it is about.
 */
public final class SystemBinaries {

	private SystemBinaries() {
	}

	/**
	 * The first of the candidate paths that is an executable file.
	 * @param name the program's name, for the message
	 * @param candidates where it may be installed
	 * @return the executable
	 */
	public static Path require(String name, Path... candidates) {
		return require(name, "true".equalsIgnoreCase(System.getenv("CI")), candidates);
	}

	static Path require(String name, boolean ci, Path... candidates) {
		Optional<Path> found = Arrays.stream(candidates).filter(Files::isExecutable).findFirst();
		if (found.isPresent()) {
			return found.get();
		}
		String message = name + " is not installed (looked at " + Arrays.toString(candidates) + ")";
		if (ci) {
			fail(message + "; under CI=true .ci/run must install it");
		}
		Assumptions.abort(message + "; skipping this test on this machine");
		return null;
	}

}
