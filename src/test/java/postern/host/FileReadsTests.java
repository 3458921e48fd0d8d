package postern.host;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

class FileReadsTests {

	private static final Path FILE = Path.of("/etc/maddy/aliases");

	private static final Path OTHER = Path.of("/etc/caddy/Caddyfile");

	private final FileReads reads = new FileReads();

	private final Host host = mock(Host.class);

	private final AtomicInteger parses = new AtomicInteger();

	FileReadsTests() {
		given(this.host.read(FILE)).willAnswer((call) -> snapshot(FILE, "a@x.org: b@x.org\n"));
		given(this.host.read(OTHER)).willAnswer((call) -> snapshot(OTHER, "x.org {\n}\n"));
	}

	@AfterEach
	void endRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void oneRequestReadsAndParsesAFileOnceHoweverManyAskForIt() {
		inARequest();
		String first = this.reads.read(this.host, FILE, String.class, this::parse);
		String second = this.reads.read(this.host, FILE, String.class, this::parse);
		assertThat(second).isSameAs(first).isEqualTo("a@x.org: b@x.org\n");
		assertThat(this.reads.read(this.host, FILE).content()).asString(StandardCharsets.UTF_8).startsWith("a@x.org");
		verify(this.host, times(1)).read(FILE);
		assertThat(this.parses).hasValue(1);
	}

	@Test
	void eachFileAndEachParserOfItIsKeptApart() {
		inARequest();
		this.reads.read(this.host, FILE, String.class, this::parse);
		Integer length = this.reads.read(this.host, FILE, Integer.class, (snapshot) -> snapshot.content().length);
		this.reads.read(this.host, OTHER, String.class, this::parse);
		assertThat(length).isEqualTo(17);
		verify(this.host, times(1)).read(FILE);
		verify(this.host, times(1)).read(OTHER);
		assertThat(this.parses).hasValue(2);
	}

	@Test
	void theNextRequestReadsTheFileAgain() {
		inARequest();
		this.reads.read(this.host, FILE, String.class, this::parse);
		inARequest();
		this.reads.read(this.host, FILE, String.class, this::parse);
		verify(this.host, times(2)).read(FILE);
	}

	@Test
	void aWriteInTheRequestDropsWhatWasKeptOfThatFileOnly() {
		inARequest();
		this.reads.read(this.host, FILE, String.class, this::parse);
		this.reads.read(this.host, OTHER, String.class, this::parse);
		this.reads.written(new HostEvents.FileWritten("vps", FILE, new byte[0], new byte[0], null));
		this.reads.read(this.host, FILE, String.class, this::parse);
		this.reads.read(this.host, OTHER, String.class, this::parse);
		verify(this.host, times(2)).read(FILE);
		verify(this.host, times(1)).read(OTHER);
	}

	@Test
	void outsideARequestEveryCallReadsTheFile() {
		this.reads.read(this.host, FILE, String.class, this::parse);
		this.reads.read(this.host, FILE, String.class, this::parse);
		verify(this.host, times(2)).read(FILE);
		assertThat(this.parses).hasValue(2);
	}

	private String parse(FileSnapshot snapshot) {
		this.parses.incrementAndGet();
		return new String(snapshot.content(), StandardCharsets.UTF_8);
	}

	private static void inARequest() {
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
	}

	private static FileSnapshot snapshot(Path path, String text) {
		return FileSnapshot.of(path, text.getBytes(StandardCharsets.UTF_8), "root", "root", 0644);
	}

}
