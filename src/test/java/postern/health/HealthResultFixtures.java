package postern.health;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.test.util.ReflectionTestUtils;

/**
 * Stored health results and runs for the web tests.
 */
public final class HealthResultFixtures {

	private HealthResultFixtures() {
	}

	public static HealthResult result(long runId, String subject, String check, Verdict verdict, String messageKey,
			String fix, String... arguments) {
		return new HealthResult(runId,
				new CheckResult(subject, check, verdict, messageKey, java.util.List.of(arguments), fix, "raw answer"),
				Instant.parse("2026-11-25T10:00:00Z"));
	}

	public static HealthRun run(long id, boolean finished, int planned) {
		HealthRun run = new HealthRun(Instant.parse("2026-11-25T10:00:00Z"), null, "manual");
		ReflectionTestUtils.setField(run, "id", id);
		run.planned(planned);
		if (finished) {
			run.finished(Instant.parse("2026-11-25T10:00:01Z"));
		}
		return run;
	}

	public static HealthMute mute(String subject, String check, String reason) {
		return new HealthMute(subject, check, reason, LocalDate.parse("2026-12-31"), Instant.now());
	}

}
