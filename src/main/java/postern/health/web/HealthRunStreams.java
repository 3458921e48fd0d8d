package postern.health.web;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import postern.health.CheckResult;
import postern.health.HealthResults;
import postern.health.HealthResults.Progress;
import postern.health.HealthResults.SubjectResults;
import postern.health.HealthRuns;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Streams a run's progress to the page that shows it, as server-sent events carrying
 * rendered fragments: {@code state} when the stream opens (everything so far),
 * {@code result} as results are stored, {@code done} with the finished run. Results that
 * come close together go in one event. The fragments are rendered and written on threads
 * of their own, never on the checks' threads, so a slow page never slows a run; and each
 * stream sends on its own, one event at a time, so a page whose client reads slowly (or
 * not at all) holds up only itself: its results pile up into its next event while the
 * other streams go on.
 */
@Component
class HealthRunStreams implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(HealthRunStreams.class);

	/** A run's checks end within a minute; a page left open longer stops following. */
	private static final Duration STREAM_LIMIT = Duration.ofMinutes(5);

	static final String LIVE_FRAGMENT = "health/results :: live";

	static final String STREAMED_FRAGMENT = "health/results :: streamed";

	static final String PROGRESS_FRAGMENT = "health/results :: progress";

	private final HealthRuns runs;

	private final HealthResults results;

	/**
	 * At most this many streams send at the same time; a stream that finds them all busy
	 * (clients that stopped reading) is closed, as when its page goes away.
	 */
	static final int MAX_SENDING = 32;

	/**
	 * Where streams send: a thread per stream while it sends (a stream never has two
	 * sends at once), none while it waits for results.
	 */
	private final ExecutorService sender = new ThreadPoolExecutor(0, MAX_SENDING, 30, TimeUnit.SECONDS,
			new SynchronousQueue<>(), new ThreadFactory() {

				private final AtomicInteger count = new AtomicInteger();

				@Override
				public Thread newThread(Runnable task) {
					Thread thread = new Thread(task, "health-stream-" + this.count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}

			});

	HealthRunStreams(HealthRuns runs, HealthResults results) {
		this.runs = runs;
		this.results = results;
	}

	/**
	 * Follow a run.
	 * @param runId the run
	 * @return the events
	 */
	SseEmitter open(long runId) {
		return open(runId, new SseEmitter(STREAM_LIMIT.toMillis()));
	}

	/**
	 * Follow a run through a given emitter.
	 * @param runId the run
	 * @param emitter where the events go
	 * @return the emitter
	 */
	SseEmitter open(long runId, SseEmitter emitter) {
		Stream stream = new Stream(runId, emitter);
		Runnable stop = this.runs.follow(runId, stream);
		emitter.onCompletion(stop);
		emitter.onTimeout(stop);
		emitter.onError((failure) -> stop.run());
		stream.changed(null);
		return emitter;
	}

	@Override
	public void destroy() {
		this.sender.shutdownNow();
	}

	/**
	 * One page following one run.
	 */
	private final class Stream implements HealthRuns.RunFollower {

		private final long runId;

		private final SseEmitter emitter;

		private final Set<String> pending = new LinkedHashSet<>();

		/**
		 * Subjects the page shows; only used by a send, and a stream has one send at a
		 * time.
		 */
		private final Set<String> shown = new HashSet<>();

		private boolean opened;

		/** A send is queued or going; the next one starts only after it. */
		private boolean scheduled;

		private boolean ended;

		private boolean closed;

		Stream(long runId, SseEmitter emitter) {
			this.runId = runId;
			this.emitter = emitter;
		}

		@Override
		public void stored(CheckResult result) {
			changed(result.subject());
		}

		@Override
		public void finished() {
			synchronized (this) {
				this.ended = true;
			}
			changed(null);
		}

		void changed(String subject) {
			synchronized (this) {
				if (subject != null) {
					this.pending.add(subject);
				}
				if (this.scheduled || this.closed) {
					return;
				}
				this.scheduled = true;
			}
			schedule();
		}

		private void schedule() {
			try {
				HealthRunStreams.this.sender.execute(this::send);
			}
			catch (RejectedExecutionException ex) {
				logger.debug("Too many health streams sending at once: closing the one of run {}", this.runId);
				close();
			}
		}

		private void send() {
			Set<String> subjects;
			boolean first;
			boolean end;
			synchronized (this) {
				subjects = new LinkedHashSet<>(this.pending);
				this.pending.clear();
				first = !this.opened;
				this.opened = true;
				end = this.ended;
			}
			try {
				Optional<Progress> found = HealthRunStreams.this.results.progress(this.runId);
				if (found.isEmpty() || end || found.get().run().isFinished()) {
					found.ifPresent(this::done);
					close();
				}
				else if (first) {
					event("state", LIVE_FRAGMENT,
							Map.of("progress", found.get(), "liveOob", true, "progressOob", false));
					found.get().subjects().forEach((group) -> this.shown.add(group.subject()));
				}
				else {
					results(found.get(), subjects);
				}
			}
			catch (IOException | RuntimeException ex) {
				// the page went away: stop following
				logger.debug("Stopped streaming health run {}", this.runId, ex);
				close();
			}
			// what came while this send went goes in the next one
			boolean again;
			synchronized (this) {
				again = !this.closed && (!this.pending.isEmpty() || this.ended != end);
				this.scheduled = again;
			}
			if (again) {
				schedule();
			}
		}

		private void done(Progress progress) {
			try {
				event("done", PROGRESS_FRAGMENT, Map.of("progress", progress, "progressOob", true, "liveOob", false));
			}
			catch (IOException ex) {
				logger.debug("The page of health run {} went away", this.runId, ex);
			}
		}

		private void results(Progress progress, Set<String> subjects) throws IOException {
			List<ChangedSubject> changed = progress.subjects()
				.stream()
				.filter((group) -> subjects.contains(group.subject()))
				.map((group) -> new ChangedSubject(group, !this.shown.add(group.subject())))
				.toList();
			event("result", STREAMED_FRAGMENT,
					Map.of("progress", progress, "changedSubjects", changed, "liveOob", false, "progressOob", false));
		}

		/**
		 * Send one event. Each model sets every flag its fragment reads: the models of
		 * earlier events stay on the request as attributes.
		 */
		private void event(String name, String fragment, Map<String, Object> model) throws IOException {
			this.emitter.send(SseEmitter.event().name(name).data(new ModelAndView(fragment, model)));
		}

		private void close() {
			synchronized (this) {
				this.closed = true;
			}
			this.emitter.complete();
		}

	}

	/**
	 * A subject whose results changed.
	 *
	 * @param group its results so far
	 * @param shown whether the page shows it already (it is then replaced, else added)
	 */
	record ChangedSubject(SubjectResults group, boolean shown) {
	}

}
