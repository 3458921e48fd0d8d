package postern.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import postern.PosternProperties;

/**
 * Run in a child JVM by {@code LocalHostCrashTests}: writes a file through
 * {@link LocalHost} and halts the JVM, as a power cut or {@code kill -9} would, once the
 * temp file is complete and before the rename.
 * <p>
 * It lives outside the test sources and is compiled by the test itself, so the test
 * classes hold one main class only: the sandbox application that
 * {@code ./mvnw spring-boot:test-run} starts.
 */
final class CrashingWriter {

	/** The exit status that proves the JVM died in the hook. */
	static final int HALTED = 77;

	private CrashingWriter() {
	}

	/**
	 * Write and halt.
	 * @param args the target file, the backups folder, a file holding the new content
	 * @throws IOException when the new content cannot be read
	 */
	public static void main(String[] args) throws IOException {
		Path target = Path.of(args[0]);
		LocalHost host = new LocalHost("crash", new PosternProperties.Backups(Path.of(args[1]), 3), (event) -> {
		}, Clock.systemUTC());
		host.faultHook((temp, file) -> Runtime.getRuntime().halt(HALTED));
		host.write(target, Files.readAllBytes(Path.of(args[2])), host.read(target));
		System.exit(0);
	}

}
