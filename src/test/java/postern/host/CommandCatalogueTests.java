package postern.host;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import postern.PosternProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CommandCatalogueTests {

	private final CommandCatalogue catalogue = new CommandCatalogue(new PosternProperties(Path.of("data"), null, null,
			null, new PosternProperties.Systemctl(List.of("sudo", "-n"), Duration.ofSeconds(10)), null, null, null,
			null, null));

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

	@Test
	void serviceCommandsFollowTheirDocumentedArgv() {
		assertThat(this.catalogue.command(CommandKind.SYSTEMCTL_RELOAD, "caddy.service").argv()).containsExactly("sudo",
				"-n", "systemctl", "reload", "caddy.service");
		assertThat(this.catalogue.command(CommandKind.SYSTEMCTL_RESTART, "maddy.service").argv())
			.containsExactly("sudo", "-n", "systemctl", "restart", "maddy.service");
		assertThat(this.catalogue.command(CommandKind.JOURNALCTL_TAIL, "caddy.service", "200").argv()).containsExactly(
				"sudo", "-n", "journalctl", "-u", "caddy.service", "-n", "200", "--no-pager", "-o", "short-iso");
		assertThat(this.catalogue.command(CommandKind.FAIL2BAN_STATUS).argv()).containsExactly("sudo", "-n",
				"fail2ban-client", "status");
		assertThat(this.catalogue.command(CommandKind.FAIL2BAN_JAIL_STATUS, "maddy-auth").argv())
			.containsExactly("sudo", "-n", "fail2ban-client", "status", "maddy-auth");
		assertThat(this.catalogue.command(CommandKind.FAIL2BAN_UNBAN, "maddy-auth", "2001:db8::7").argv())
			.containsExactly("sudo", "-n", "fail2ban-client", "set", "maddy-auth", "unbanip", "2001:db8::7");
		assertThat(this.catalogue.command(CommandKind.UFW_STATUS).argv()).containsExactly("sudo", "-n", "ufw", "status",
				"verbose");
	}

	@Test
	void serviceArgumentsRefuseOptionsAndOddShapes() {
		assertThat(Argument.LINES.accepts("50")).isTrue();
		assertThat(Argument.LINES.accepts("1000")).isTrue();
		assertThat(Argument.LINES.accepts("-5")).isFalse();
		assertThat(Argument.LINES.accepts("0")).isFalse();
		assertThat(Argument.LINES.accepts("10000")).isFalse();
		assertThat(Argument.JAIL.accepts("maddy-dictonary-attack")).isTrue();
		assertThat(Argument.JAIL.accepts("-all")).isFalse();
		assertThat(Argument.JAIL.accepts("a jail")).isFalse();
		assertThat(Argument.JAIL.accepts("../x")).isFalse();
		assertThat(Argument.IP_ADDRESS.accepts("192.0.2.10")).isTrue();
		assertThat(Argument.IP_ADDRESS.accepts("2001:db8::1")).isTrue();
		assertThat(Argument.IP_ADDRESS.accepts("::1")).isTrue();
		assertThat(Argument.IP_ADDRESS.accepts("256.0.0.1")).isFalse();
		assertThat(Argument.IP_ADDRESS.accepts("-192.0.2.10")).isFalse();
		assertThat(Argument.IP_ADDRESS.accepts("192.0.2.10 --all")).isFalse();
		assertThat(Argument.IP_ADDRESS.accepts("example.org")).isFalse();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.catalogue.command(CommandKind.FAIL2BAN_UNBAN, "sshd", "--report-absent"));
	}

	@Test
	void hostLookUpsAreCataloguedAndTakeOnlyTheirShape() {
		assertThat(CommandCatalogue.fixed(CommandKind.USER_NAME, "1000").argv()).containsExactly("getent", "passwd",
				"1000");
		assertThat(CommandCatalogue.fixed(CommandKind.GROUP_NAME, "0").argv()).containsExactly("getent", "group", "0");
		assertThat(CommandCatalogue.fixed(CommandKind.FILE_ACCESS, "/etc/caddy/my Caddyfile").argv())
			.startsWith("sh", "-c")
			.endsWith("sh", "/etc/caddy/my Caddyfile");
		assertThat(this.catalogue.command(CommandKind.UNAME).argv()).containsExactly("uname", "-a");
		assertThatIllegalArgumentException().isThrownBy(() -> CommandCatalogue.fixed(CommandKind.USER_NAME, "root"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CommandCatalogue.fixed(CommandKind.FILE_ACCESS, "relative/path"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CommandCatalogue.fixed(CommandKind.FILE_ACCESS, "/etc/a\nb"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CommandCatalogue.fixed(CommandKind.SYSTEMCTL_SHOW, "caddy.service"));
	}

	@Test
	void hostOverridesReplaceOnlyTheSystemToolsPrefix() {
		HostOverrides overrides = new HostOverrides(Map.of(HostSetting.SYSTEM_PREFIX, "doas"));
		assertThat(overrides.apply(this.catalogue.command(CommandKind.SYSTEMCTL_RELOAD, "caddy.service")).argv())
			.containsExactly("doas", "systemctl", "reload", "caddy.service");
		assertThat(overrides.apply(this.catalogue.command(CommandKind.UFW_STATUS)).argv()).containsExactly("doas",
				"ufw", "status", "verbose");
		assertThat(new HostOverrides(Map.of(HostSetting.SYSTEM_PREFIX, ""))
			.apply(this.catalogue.command(CommandKind.FAIL2BAN_STATUS))
			.argv()).containsExactly("fail2ban-client", "status");
		assertThat(overrides.apply(this.catalogue.command(CommandKind.UNAME)).argv()).containsExactly("uname", "-a");
		assertThat(HostOverrides.NONE.apply(this.catalogue.command(CommandKind.UFW_STATUS)).argv()).startsWith("sudo",
				"-n", "ufw");
		Command secret = this.catalogue.command(CommandKind.SYSTEMCTL_RELOAD, "caddy.service").redacting(3);
		assertThat(overrides.apply(secret).displayArgv()).containsExactly("doas", "systemctl", "******",
				"caddy.service");
	}

	@Test
	void theCatalogueSaysWhichCommandsOnlyRead() {
		assertThat(Arrays.stream(CommandKind.values()).filter((kind) -> !kind.readsOnly())).containsExactly(
				CommandKind.SYSTEMCTL_RELOAD, CommandKind.SYSTEMCTL_RESTART, CommandKind.FAIL2BAN_UNBAN,
				CommandKind.MADDY_CREDS_CREATE, CommandKind.MADDY_CREDS_PASSWORD, CommandKind.MADDY_CREDS_REMOVE,
				CommandKind.MADDY_IMAP_ACCT_CREATE, CommandKind.MADDY_IMAP_ACCT_REMOVE, CommandKind.CADDY_RELOAD);
		assertThat(CommandKind.SYSTEMCTL_SHOW.readsOnly()).isTrue();
		assertThat(CommandKind.MADDY_CREDS_LIST.readsOnly()).isTrue();
		assertThat(CommandKind.JOURNALCTL_TAIL.readsOnly()).isTrue();
	}

}
