package postern.host;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ShellQuotingTests {

	@Test
	void quoteWrapsEveryWordInSingleQuotes() {
		assertThat(ShellQuoting.quote("plain")).isEqualTo("'plain'");
		assertThat(ShellQuoting.quote("")).isEqualTo("''");
		assertThat(ShellQuoting.quote("a b")).isEqualTo("'a b'");
		assertThat(ShellQuoting.quote("$(id) `id` ; \\ \" * ~\n")).isEqualTo("'$(id) `id` ; \\ \" * ~\n'");
	}

	@Test
	void quoteWritesASingleQuoteAsCloseEscapeReopen() {
		assertThat(ShellQuoting.quote("it's")).isEqualTo("'it'\\''s'");
		assertThat(ShellQuoting.quote("'")).isEqualTo("''\\'''");
	}

	@Test
	void joinQuotesEachWordAndSeparatesWithSpaces() {
		assertThat(ShellQuoting.join(List.of("printf", "%s\\0", "a b"))).isEqualTo("'printf' '%s\\0' 'a b'");
		assertThatIllegalArgumentException().isThrownBy(() -> ShellQuoting.join(List.of()));
	}

	@Test
	void remoteCommandLineRunsTheQuotedArgvUnderTimeout() {
		Command command = Command.of(Duration.ofMillis(1500), List.of("systemctl", "reload", "caddy.service"));
		assertThat(SshHost.remoteCommandLine(command))
			.isEqualTo("timeout --kill-after=5 1.500 'systemctl' 'reload' 'caddy.service'");
	}

	@Test
	void remoteCommandLineWhenEnvironmentGivenStartsUnderEnvWithEachVariableOneWord() {
		Command command = Command.of(Duration.ofSeconds(2), List.of("/usr/bin/caddy", "validate"))
			.withEnvironment(Map.of("SITE", "a'b c"));
		assertThat(SshHost.remoteCommandLine(command))
			.isEqualTo("timeout --kill-after=5 2.000 'env' '-i' 'SITE=a'\\''b c' '/usr/bin/caddy' 'validate'");
	}

	@Test
	void environmentWhenNameIsNotAVariableIsRefused() {
		Command command = Command.of(Duration.ofSeconds(2), List.of("true"));
		assertThatIllegalArgumentException().isThrownBy(() -> command.withEnvironment(Map.of("A B", "x")));
		assertThatIllegalArgumentException().isThrownBy(() -> command.withEnvironment(Map.of("-u", "x")));
	}

}
