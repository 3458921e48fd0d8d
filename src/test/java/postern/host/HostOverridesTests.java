package postern.host;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import postern.PosternProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A host's own sudo prefix replaces the application's before the system tools, and only
 * before them.
 */
class HostOverridesTests {

	private final CommandCatalogue catalogue = new CommandCatalogue(new PosternProperties(Path.of("data"), null, null,
			null, new PosternProperties.Systemctl(List.of("sudo", "-n"), Duration.ofSeconds(10)), null, null, null,
			null, null));

	@Test
	void aHostPrefixReplacesTheSettingBeforeTheSystemTools() {
		HostOverrides overrides = new HostOverrides(List.of("doas", "-u", "admin"));
		Command reload = overrides.apply(this.catalogue.command(CommandKind.SYSTEMCTL_RELOAD, "caddy.service"));
		assertThat(reload.argv()).containsExactly("doas", "-u", "admin", "systemctl", "reload", "caddy.service");
		assertThat(reload.kind()).isEqualTo(CommandKind.SYSTEMCTL_RELOAD);
	}

	@Test
	void otherProgramsAndNoOverrideKeepTheirCommand() {
		Command uname = this.catalogue.command(CommandKind.UNAME);
		assertThat(new HostOverrides(List.of("sudo")).apply(uname).argv()).isEqualTo(uname.argv());
		Command show = this.catalogue.command(CommandKind.SYSTEMCTL_SHOW, "caddy.service");
		assertThat(HostOverrides.NONE.apply(show).argv()).startsWith("sudo", "-n", "systemctl");
	}

}
