package postern.change;

import java.nio.file.Path;
import java.util.ArrayList;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryHostTests {

	@Test
	void listGivesFilesAndTheFoldersAboveThemSortedOnce() {
		InMemoryHost host = new InMemoryHost("test", new ArrayList<>());
		host.put(Path.of("/data/certificates/acme/b.example/b.example.crt"), "b");
		host.put(Path.of("/data/certificates/acme/a.example/a.example.crt"), "a");
		host.put(Path.of("/data/certificates/acme/a.example/a.example.key"), "k");
		host.put(Path.of("/data/certificates/notes.txt"), "n");

		assertThat(host.list(Path.of("/data/certificates"))).containsExactly(Path.of("/data/certificates/acme"),
				Path.of("/data/certificates/notes.txt"));
		assertThat(host.list(Path.of("/data/certificates/acme/a.example"))).containsExactly(
				Path.of("/data/certificates/acme/a.example/a.example.crt"),
				Path.of("/data/certificates/acme/a.example/a.example.key"));
		assertThat(host.list(Path.of("/elsewhere"))).isEmpty();
	}

}
