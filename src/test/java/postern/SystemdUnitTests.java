package postern;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/postern.service}: hardened without breaking sudo, and writable exactly
 * where Postern (and the maddy CLI it runs) writes with the default settings.
 */
class SystemdUnitTests {

	/**
	 * Options that set no_new_privs for a service that is not root, which would stop sudo
	 * from gaining privileges.
	 */
	private static final List<String> IMPLY_NO_NEW_PRIVILEGES = List.of("SystemCallFilter", "SystemCallArchitectures",
			"RestrictAddressFamilies", "RestrictNamespaces", "RestrictSUIDSGID", "RestrictRealtime", "PrivateDevices",
			"ProtectKernelTunables", "ProtectKernelModules", "ProtectKernelLogs", "ProtectClock",
			"MemoryDenyWriteExecute", "LockPersonality", "DynamicUser");

	private final List<String[]> settings = settings(ComposeFileTests.read("deploy/postern.service"));

	private final PosternProperties defaults = TestProperties.bind(Map.of());

	@Test
	void sudoKeepsWorking() {
		assertThat(values("NoNewPrivileges")).containsExactly("no");
		assertThat(this.settings).extracting((setting) -> setting[0])
			.doesNotContainAnyElementsOf(IMPLY_NO_NEW_PRIVILEGES);
		assertThat(values("CapabilityBoundingSet")).isEmpty();
	}

	@Test
	void theFileSystemIsReadOnlyButWhereTheManagedFilesAre() {
		assertThat(values("ProtectSystem")).containsExactly("strict");
		assertThat(values("User")).containsExactly("postern");
		List<String> writable = new ArrayList<>();
		values("ReadWritePaths").forEach((value) -> writable.addAll(List.of(value.split(" "))));
		List<String> needed = List.of(this.defaults.caddy().caddyfile().getParent().toString(),
				this.defaults.maddy().config().getParent().toString(),
				this.defaults.maddy().aliases().getParent().toString(), this.defaults.caddy().webRoot().toString(),
				this.defaults.maddy().stateDir().toString(), "-/run/maddy");
		assertThat(writable).containsExactlyInAnyOrderElementsOf(needed.stream().distinct().toList());
		// The data directory is the unit's state directory, which systemd keeps writable.
		assertThat(values("StateDirectory")).containsExactly("postern");
		assertThat(values("Environment")).containsExactly("POSTERN_DATADIR=/var/lib/postern");
		assertThat(ComposeFileTests.bindEnvironment(Map.of("POSTERN_DATADIR", "/var/lib/postern")).dataDir())
			.isEqualTo(Path.of("/var/lib/postern"));
	}

	@Test
	void maddysRuntimeFolderSurvivesItsRestarts() {
		assertThat(settings(ComposeFileTests.read("deploy/maddy.service.d/postern.conf")))
			.anyMatch((setting) -> setting[0].equals("RuntimeDirectoryPreserve") && setting[1].equals("yes"));
	}

	private List<String> values(String key) {
		return this.settings.stream().filter((setting) -> setting[0].equals(key)).map((setting) -> setting[1]).toList();
	}

	private static List<String[]> settings(String unit) {
		return unit.lines()
			.map(String::strip)
			.filter((line) -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("["))
			.map((line) -> line.split("=", 2))
			.toList();
	}

}
