package postern.security;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The masks of the CSRF token: random bytes that never repeat, from one thread or from
 * many at once.
 */
class PerThreadSecureRandomTests {

	private final PerThreadSecureRandom random = new PerThreadSecureRandom();

	@Test
	void successiveDrawsDiffer() {
		Set<String> draws = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			draws.add(draw());
		}
		assertThat(draws).hasSize(1000);
	}

	@Test
	void threadsDrawingAtOnceNeverGetTheSameBytes() throws InterruptedException {
		Set<String> draws = ConcurrentHashMap.newKeySet();
		ExecutorService threads = Executors.newFixedThreadPool(8);
		for (int i = 0; i < 4000; i++) {
			threads.execute(() -> draws.add(draw()));
		}
		threads.shutdown();
		assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
		assertThat(draws).hasSize(4000);
	}

	private String draw() {
		byte[] bytes = new byte[36];
		this.random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
