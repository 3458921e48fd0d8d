package postern.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnitStatusTests {

	@Test
	void parseWhenUnitIsRunningReadsEveryProperty() {
		String output = """
				LoadState=loaded
				ActiveState=active
				SubState=running
				ActiveEnterTimestamp=Mon 2026-11-23 08:14:02 UTC
				MainPID=812
				MemoryCurrent=48234496
				NRestarts=2
				""";
		UnitStatus status = UnitStatus.parse("caddy.service", output);
		assertThat(status).isEqualTo(new UnitStatus("caddy.service", "loaded", "active", "running",
				"Mon 2026-11-23 08:14:02 UTC", 812, 48234496, 2));
		assertThat(status.found()).isTrue();
		assertThat(status.known()).isTrue();
	}

	@Test
	void parseWhenUnitIsMissingReportsNotFoundAndNeutralValues() {
		String output = """
				LoadState=not-found
				ActiveState=inactive
				SubState=dead
				ActiveEnterTimestamp=
				MainPID=0
				MemoryCurrent=[not set]
				NRestarts=0
				""";
		UnitStatus status = UnitStatus.parse("nope.service", output);
		assertThat(status.found()).isFalse();
		assertThat(status.known()).isTrue();
		assertThat(status.memoryBytes()).isEqualTo(-1);
		assertThat(status.activeSince()).isEmpty();
	}

	@Test
	void parseWhenOutputIsGarbageIsUnknown() {
		UnitStatus status = UnitStatus.parse("caddy.service", "Failed to connect to bus\n=oops\n");
		assertThat(status.known()).isFalse();
		assertThat(status.found()).isFalse();
		assertThat(status.mainPid()).isZero();
	}

	@Test
	void valueWithEqualsSignKeepsEverythingAfterTheFirst() {
		UnitStatus status = UnitStatus.parse("a.service", "LoadState=loaded\nSubState=a=b\n");
		assertThat(status.subState()).isEqualTo("a=b");
	}

}
