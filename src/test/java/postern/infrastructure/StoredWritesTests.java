package postern.infrastructure;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

import static org.assertj.core.api.Assertions.assertThat;

class StoredWritesTests {

	private final StoredWrites writes = new StoredWrites(Object.class) {
	};

	private final AtomicInteger reads = new AtomicInteger();

	private final Supplier<Page<String>> read = () -> new PageImpl<>(List.of("read " + this.reads.incrementAndGet()));

	@Test
	void aLogsFirstPageIsReadOnceUntilTheNextWrite() {
		Page<String> first = this.writes.logPage(null, Pageable.ofSize(50), "en", this.read);
		assertThat(this.writes.logPage("  ", Pageable.ofSize(50), "en", this.read)).isSameAs(first);
		assertThat(this.reads).hasValue(1);
		this.writes.written();
		assertThat(this.writes.logPage(null, Pageable.ofSize(50), "en", this.read)).containsExactly("read 2");
	}

	@Test
	void aSearchOrALaterPageIsReadEachTime() {
		this.writes.logPage("ufw", Pageable.ofSize(50), "en", this.read);
		this.writes.logPage("ufw", Pageable.ofSize(50), "en", this.read);
		this.writes.logPage(null, PageRequest.of(1, 50), "en", this.read);
		this.writes.logPage(null, PageRequest.of(1, 50), "en", this.read);
		assertThat(this.reads).hasValue(4);
	}

	@Test
	void aFirstPageKeptForOneViewOrSizeIsNotShownForAnother() {
		Page<String> english = this.writes.logPage(null, Pageable.ofSize(50), "en", this.read);
		assertThat(this.writes.logPage(null, Pageable.ofSize(50), "fr", this.read)).isNotSameAs(english);
		assertThat(this.writes.logPage(null, Pageable.ofSize(20), "en", this.read)).isNotSameAs(english);
		assertThat(this.reads).hasValue(3);
	}

}
