package postern.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The output samples in {@code src/test/resources/postern/system/samples}, written from
 * the documented Debian 12 formats (see the README there).
 */
final class Samples {

	private Samples() {
	}

	static String read(String name) {
		try (InputStream input = Samples.class.getResourceAsStream("samples/" + name)) {
			if (input == null) {
				throw new IllegalArgumentException("No sample " + name);
			}
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
