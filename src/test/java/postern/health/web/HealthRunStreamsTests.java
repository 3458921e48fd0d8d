package postern.health.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import postern.health.CheckResult;
import postern.health.HealthResultFixtures;
import postern.health.HealthResults;
import postern.health.HealthRuns;
import postern.health.Verdict;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Two pages follow the same run; the client of one stops reading, so writing to it
 * blocks. The other still gets every event at once.
 */
class HealthRunStreamsTests {

	static final long RUN = 7;

	final HealthRuns runs = mock(HealthRuns.class);

	final HealthResults results = mock(HealthResults.class);

	final HealthRunStreams streams = new HealthRunStreams(this.runs, this.results);

	final CountDownLatch unblock = new CountDownLatch(1);

	@AfterEach
	void release() {
		this.unblock.countDown();
		this.streams.destroy();
	}

	@Test
	void aStalledStreamDoesNotDelayAnother() throws Exception {
		given(this.runs.follow(eq(RUN), any())).willReturn(() -> {
		});
		given(this.results.progress(RUN))
			.willReturn(Optional.of(new HealthResults.Progress(HealthResultFixtures.run(RUN, false, 3), List.of())));
		Recording stalled = new Recording(this.unblock);
		Recording reading = new Recording(null);

		this.streams.open(RUN, stalled);
		assertThat(stalled.events.poll(5, TimeUnit.SECONDS)).as("the stalled client's first event is being written")
			.startsWith("event:state");
		this.streams.open(RUN, reading);
		assertThat(reading.events.poll(5, TimeUnit.SECONDS)).as("state while the other stream is stalled")
			.startsWith("event:state");

		ArgumentCaptor<HealthRuns.RunFollower> followers = ArgumentCaptor.forClass(HealthRuns.RunFollower.class);
		verify(this.runs, times(2)).follow(eq(RUN), followers.capture());
		CheckResult result = new CheckResult("example.test", "spf", Verdict.OK, "health.spf.ok", List.of(), null, null);
		followers.getAllValues().forEach((follower) -> follower.stored(result));
		assertThat(reading.events.poll(5, TimeUnit.SECONDS)).as("a result while the other stream is stalled")
			.startsWith("event:result");

		assertThat(stalled.events.poll(300, TimeUnit.MILLISECONDS)).as("one event at a time on a stream").isNull();
		this.unblock.countDown();
		assertThat(stalled.events.poll(5, TimeUnit.SECONDS)).as("the stalled stream goes on once its client reads")
			.startsWith("event:result");
	}

	@Test
	void aStreamFindingEverySenderBusyIsClosed() throws Exception {
		given(this.runs.follow(eq(RUN), any())).willReturn(() -> {
		});
		given(this.results.progress(RUN))
			.willReturn(Optional.of(new HealthResults.Progress(HealthResultFixtures.run(RUN, false, 3), List.of())));
		for (int i = 0; i < HealthRunStreams.MAX_SENDING; i++) {
			Recording stalled = new Recording(this.unblock);
			this.streams.open(RUN, stalled);
			assertThat(stalled.events.poll(5, TimeUnit.SECONDS)).startsWith("event:state");
		}
		Recording late = new Recording(null);
		this.streams.open(RUN, late);
		assertThat(late.completed.await(5, TimeUnit.SECONDS)).as("closed").isTrue();
		assertThat(late.events).isEmpty();
	}

	/**
	 * An emitter that keeps the events sent to it, and whose writes block until released
	 * when given a latch: a client that stopped reading.
	 */
	static final class Recording extends SseEmitter {

		final BlockingQueue<String> events = new LinkedBlockingQueue<>();

		final CountDownLatch completed = new CountDownLatch(1);

		private final CountDownLatch blockUntil;

		Recording(CountDownLatch blockUntil) {
			this.blockUntil = blockUntil;
		}

		@Override
		public void send(SseEventBuilder builder) throws IOException {
			this.events.add(builder.build()
				.stream()
				.map((part) -> String.valueOf(part.getData()))
				.collect(Collectors.joining()));
			if (this.blockUntil != null) {
				try {
					this.blockUntil.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IOException(ex);
				}
			}
		}

		@Override
		public void complete() {
			this.completed.countDown();
			super.complete();
		}

	}

}
