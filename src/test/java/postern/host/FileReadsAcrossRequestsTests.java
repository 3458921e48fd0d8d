package postern.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import postern.PosternProperties;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Files of the local machine kept across requests while their stamp does not change, on a
 * real file system: what a hand edit, a copy with its old time, a file put in the place
 * of another and a write by Postern do to what the next request sees.
 */
class FileReadsAcrossRequestsTests {

	private static final FileTime A_MINUTE_AGO = FileTime.from(Instant.now().minus(Duration.ofMinutes(1)));

	@TempDir
	Path root;

	private Path file;

	private CountingHost host;

	private FileReads reads;

	private final AtomicInteger parses = new AtomicInteger();

	@BeforeEach
	void settledFile() throws IOException {
		this.file = this.root.resolve("aliases");
		Files.writeString(this.file, "a@x.org: b@x.org\n");
		Files.setLastModifiedTime(this.file, A_MINUTE_AGO);
		LocalHost local = new LocalHost("vps", new PosternProperties.Backups(this.root.resolve("backups"), 5),
				(event) -> {
				}, Clock.systemUTC());
		this.host = new CountingHost(local);
		// the reads' clock stops here: a file the test writes later is always one just
		// changed, however slow the machine
		this.reads = new FileReads(Clock.fixed(Instant.now(), ZoneOffset.UTC));
	}

	@AfterEach
	void endRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void aSettledFileIsReadAndParsedOnceForEveryRequestWhileItDoesNotChange() {
		String first = inARequest(this.host);
		String second = inARequest(this.host);
		String third = inARequest(this.host);
		assertThat(second).isSameAs(first).isSameAs(third).isEqualTo("a@x.org: b@x.org\n");
		assertThat(this.host.reads).hasValue(1);
		assertThat(this.parses).hasValue(1);
	}

	@Test
	void aHandEditOfTheSameSizeShowsAtTheNextRequest() throws IOException {
		inARequest(this.host);
		// as nano saves: the same file written over, within the same tick
		Files.writeString(this.file, "a@x.org: c@x.org\n");
		assertThat(inARequest(this.host)).isEqualTo("a@x.org: c@x.org\n");
		assertThat(inARequest(this.host)).isEqualTo("a@x.org: c@x.org\n");
		// just changed: a second edit in the same tick would leave the same stamp, so
		// the file is read again until it settles
		assertThat(this.host.reads).hasValue(3);
	}

	@Test
	void aContentCopiedInWithTheOldModificationTimeShows() throws IOException {
		inARequest(this.host);
		// as cp -p over the file: new bytes of the same size, the old time set back
		Files.writeString(this.file, "a@x.org: d@x.org\n");
		Files.setLastModifiedTime(this.file, A_MINUTE_AGO);
		assertThat(inARequest(this.host)).isEqualTo("a@x.org: d@x.org\n");
	}

	@Test
	void aFilePutInItsPlaceShowsEvenWithTheSameSizeAndTimes() throws IOException {
		inARequest(this.host);
		Path other = Files.writeString(this.root.resolve("aliases.new"), "a@x.org: e@x.org\n");
		Files.setLastModifiedTime(other, A_MINUTE_AGO);
		Files.move(other, this.file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		assertThat(inARequest(this.host)).isEqualTo("a@x.org: e@x.org\n");
	}

	@Test
	void aFileJustChangedIsReadAtEachRequest() throws IOException {
		Files.writeString(this.file, "a@x.org: f@x.org\n");
		inARequest(this.host);
		inARequest(this.host);
		assertThat(this.host.reads).hasValue(2);
	}

	@Test
	void aWriteByPosternShowsAtTheNextRequest() {
		FileSnapshot before = this.reads.read(this.host, this.file);
		this.host.write(this.file, "a@x.org: g@x.org\n".getBytes(StandardCharsets.UTF_8), before);
		assertThat(inARequest(this.host)).isEqualTo("a@x.org: g@x.org\n");
	}

	@Test
	void anEditBasedOnAKeptReadIsRefusedOnceTheFileChangedByHand() throws IOException {
		inARequest(this.host);
		inARequest(this.host);
		FileSnapshot kept = this.reads.read(this.host, this.file);
		Files.writeString(this.file, "a@x.org: h@x.org\n");
		assertThatExceptionOfType(FileConflictException.class)
			.isThrownBy(() -> this.host.write(this.file, "a@x.org: i@x.org\n".getBytes(StandardCharsets.UTF_8), kept));
		assertThat(Files.readString(this.file)).isEqualTo("a@x.org: h@x.org\n");
	}

	@Test
	void eachHostKeepsItsOwnReadOfTheSamePath() {
		CountingHost other = new CountingHost(this.host) {

			@Override
			public FileSnapshot read(Path path) {
				this.reads.incrementAndGet();
				return FileSnapshot.of(path, "a@y.org: b@y.org\n".getBytes(StandardCharsets.UTF_8), "root", "root",
						0644);
			}

		};
		assertThat(inARequest(this.host)).isEqualTo("a@x.org: b@x.org\n");
		assertThat(inARequest(other)).isEqualTo("a@y.org: b@y.org\n");
		assertThat(inARequest(this.host)).isEqualTo("a@x.org: b@x.org\n");
		assertThat(inARequest(other)).isEqualTo("a@y.org: b@y.org\n");
		assertThat(this.host.reads).hasValue(1);
		assertThat(other.reads).hasValue(1);
	}

	@Test
	void aHostThatCannotStampItsFilesHasThemReadAtEachRequest() {
		CountingHost unstamped = new CountingHost(this.host) {

			@Override
			public Optional<FileStamp> stamp(Path path) {
				return Optional.empty();
			}

		};
		inARequest(unstamped);
		inARequest(unstamped);
		assertThat(unstamped.reads).hasValue(2);
	}

	/** One request of a page that asks twice for the parsed file. */
	private String inARequest(Host from) {
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
		try {
			String parsed = this.reads.read(from, this.file, String.class, this::parse);
			assertThat(this.reads.read(from, this.file, String.class, this::parse)).isSameAs(parsed);
			return parsed;
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
		}
	}

	private String parse(FileSnapshot snapshot) {
		this.parses.incrementAndGet();
		return new String(snapshot.content(), StandardCharsets.UTF_8);
	}

	/** A host that counts its reads and stamps its files as the one it wraps. */
	private static class CountingHost extends ForwardingHost {

		final AtomicInteger reads = new AtomicInteger();

		CountingHost(Host delegate) {
			super(delegate);
		}

		@Override
		public FileSnapshot read(Path path) {
			this.reads.incrementAndGet();
			return super.read(path);
		}

		@Override
		public Optional<FileStamp> stamp(Path path) {
			return delegate().stamp(path);
		}

	}

}
