package postern.host;

import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stamp is trusted once a tick of its file system's clock has passed since the file was
 * modified: the tick is short where the times carry fractions of a second, a second where
 * they do not.
 */
class FileStampTests {

	private static final Instant NOW = Instant.parse("2026-12-07T10:00:00.500Z");

	@Test
	void aFileSystemWithFineTimesSettlesInATick() {
		FileStamp stamp = stamp(NOW.minusMillis(60).plusNanos(123_456));
		assertThat(stamp.settledAt(NOW)).isTrue();
		assertThat(stamp(NOW.minusMillis(10).plusNanos(123_456)).settledAt(NOW)).isFalse();
	}

	@Test
	void aFileSystemWithWholeSecondsSettlesOnlyAfterTwoSeconds() {
		Instant wholeSecond = Instant.parse("2026-12-07T10:00:00Z");
		assertThat(stamp(wholeSecond).settledAt(NOW)).isFalse();
		assertThat(stamp(wholeSecond).settledAt(wholeSecond.plusSeconds(1))).isFalse();
		assertThat(stamp(wholeSecond).settledAt(wholeSecond.plusSeconds(3))).isTrue();
	}

	private static FileStamp stamp(Instant modified) {
		return new FileStamp(List.of(1L, 2L), 10, FileTime.from(modified), FileTime.from(modified));
	}

}
