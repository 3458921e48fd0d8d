package postern.system;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What commands read from a server, kept for {@link #FRESH} per key (a host, and what was
 * asked of it): pages that show a status ask on every view, and starting a program costs
 * far more than the page around it. A value is read again as soon as a command that
 * changes something (a reload, an unban) was started through {@link SystemCommands}
 * since, and only one read per key runs at a time: requests that come while it runs wait
 * for it and show what it read.
 *
 * @param <T> what is read
 */
final class RecentReadings<T> {

	/**
	 * How long a value read from a server is shown again without asking it.
	 */
	static final Duration FRESH = Duration.ofSeconds(2);

	private final SystemCommands commands;

	private final LongSupplier nanoTime;

	private final Map<String, Slot<T>> slots = new ConcurrentHashMap<>();

	RecentReadings(SystemCommands commands, LongSupplier nanoTime) {
		this.commands = commands;
		this.nanoTime = nanoTime;
	}

	/**
	 * The value last read under a key, or a new one when it is old or an action ran
	 * since.
	 * @param key the host's name and what is read on it
	 * @param read runs the commands that read the value
	 * @return the value, with how long ago it was read
	 */
	Recent<T> get(String key, Supplier<T> read) {
		Slot<T> slot = this.slots.computeIfAbsent(key, (name) -> new Slot<>());
		Kept<T> kept = slot.kept;
		if (kept != null && kept.stillTrue(this.commands.actions(), this.nanoTime.getAsLong())) {
			return kept.recent(this.nanoTime.getAsLong());
		}
		synchronized (slot) {
			long actions = this.commands.actions();
			kept = slot.kept;
			if (kept == null || !kept.stillTrue(actions, this.nanoTime.getAsLong())) {
				long startedAt = this.nanoTime.getAsLong();
				kept = new Kept<>(read.get(), actions, startedAt);
				slot.kept = kept;
			}
			return kept.recent(this.nanoTime.getAsLong());
		}
	}

	/**
	 * Where the value of one key is kept; its monitor lets one read run at a time.
	 */
	private static final class Slot<T> {

		private volatile Kept<T> kept;

	}

	/**
	 * A value, with the count of actions it was read under and when its read started.
	 */
	private record Kept<T>(T value, long actions, long readAt) {

		boolean stillTrue(long actionsNow, long now) {
			return actionsNow == this.actions && now - this.readAt < FRESH.toNanos();
		}

		Recent<T> recent(long now) {
			return new Recent<>(this.value, Duration.ofNanos(Math.max(0, now - this.readAt)));
		}

	}

}
