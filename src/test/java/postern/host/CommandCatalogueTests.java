package postern.host;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import postern.PosternProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CommandCatalogueTests {

	private final CommandCatalogue catalogue = new CommandCatalogue(new PosternProperties(Path.of("data"), null, null,
			null, new PosternProperties.Systemctl(List.of("sudo", "-n")), null, null, null, null, null));

	@Test
	void commandWhenValuesValidPutsPrefixAndProgramFirst() {
		Command command = this.catalogue.command(CommandKind.SYSTEMCTL_SHOW, "caddy.service");
		assertThat(command.argv()).startsWith("sudo", "-n", "systemctl", "show").endsWith("caddy.service");
		assertThat(command.kind()).isEqualTo(CommandKind.SYSTEMCTL_SHOW);
		assertThat(command.timeout()).isEqualTo(CommandKind.SYSTEMCTL_SHOW.timeout());
	}

	@Test
	void commandWhenNoSecretArgumentShowsTheWholeArgv() {
		Command command = this.catalogue.command(CommandKind.SYSTEMCTL_SHOW, "caddy.service");
		assertThat(command.displayArgv()).isEqualTo(command.argv());
		assertThat(CommandKind.SYSTEMCTL_SHOW.secretWords()).isEmpty();
	}

	@Test
	void commandWhenValueLooksLikeAnOptionIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.catalogue.command(CommandKind.SYSTEMCTL_SHOW, "--all"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.catalogue.command(CommandKind.SYSTEMCTL_SHOW, "a b"));
	}

	@Test
	void commandWhenRedactedKeepsTheArgvAndHidesTheValue() {
		Command command = Command.of(Duration.ofSeconds(1), List.of("tool", "token-123")).redacting(1);
		assertThat(command.argv()).containsExactly("tool", "token-123");
		assertThat(command.displayArgv()).containsExactly("tool", "******");
		assertThat(command.withStdin(new byte[] { 1 }).displayArgv()).containsExactly("tool", "******");
		assertThat(command.withTimeout(Duration.ofSeconds(2)).toString()).isEqualTo("tool ******");
	}

}
