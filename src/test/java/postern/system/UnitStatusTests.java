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

	@Test
	void sampleOfActiveUnit() {
		UnitStatus status = UnitStatus.parse("caddy.service", Samples.read("systemctl-show-active.txt"));
		assertThat(status).isEqualTo(new UnitStatus("caddy.service", "loaded", "active", "running",
				"Mon 2026-11-23 08:14:02 UTC", 812, 48234496, 0));
	}

	@Test
	void sampleOfInactiveUnit() {
		UnitStatus status = UnitStatus.parse("maddy.service", Samples.read("systemctl-show-inactive.txt"));
		assertThat(status.found()).isTrue();
		assertThat(status.activeState()).isEqualTo("inactive");
		assertThat(status.subState()).isEqualTo("dead");
		assertThat(status.mainPid()).isZero();
		assertThat(status.memoryBytes()).isEqualTo(-1);
	}

	@Test
	void sampleOfFailedUnit() {
		UnitStatus status = UnitStatus.parse("maddy.service", Samples.read("systemctl-show-failed.txt"));
		assertThat(status.found()).isTrue();
		assertThat(status.activeState()).isEqualTo("failed");
		assertThat(status.restarts()).isEqualTo(5);
		assertThat(status.activeSince()).isEqualTo("Tue 2026-11-24 21:40:17 UTC");
	}

	@Test
	void sampleOfMissingUnit() {
		UnitStatus status = UnitStatus.parse("nope.service", Samples.read("systemctl-show-not-found.txt"));
		assertThat(status.known()).isTrue();
		assertThat(status.found()).isFalse();
		assertThat(status.loadState()).isEqualTo("not-found");
	}

	@Test
	void memoryIsShownInMebibytes() {
		assertThat(UnitStatus.parse("a", "LoadState=loaded\nMemoryCurrent=48234496\n").memory()).isEqualTo("46.0 MiB");
		assertThat(UnitStatus.parse("a", "LoadState=loaded\nMemoryCurrent=[not set]\n").memory()).isEmpty();
	}

}
