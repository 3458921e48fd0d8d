package postern.host;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import postern.PosternProperties;
import postern.PosternProperties.CaddyReload;
import postern.TestProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A host's own settings: merged over the application's, and put in the commands it runs
 * in place of the application's prefixes and executables, and only there.
 */
class HostOverridesTests {

	private final PosternProperties properties = TestProperties.bind(Map.of("postern.maddy.command-prefix",
			"sudo,-n,-u,maddy", "postern.systemctl.command-prefix", "sudo,-n", "postern.caddy.reload", "admin-api"));

	private final CommandCatalogue catalogue = new CommandCatalogue(this.properties);

	private final ServerSettings application = ServerSettings.of(this.properties);

	private static HostOverrides overrides(Object... settingsAndValues) {
		Map<HostSetting, String> values = new EnumMap<>(HostSetting.class);
		for (int i = 0; i < settingsAndValues.length; i += 2) {
			values.put((HostSetting) settingsAndValues[i], (String) settingsAndValues[i + 1]);
		}
		return new HostOverrides(values);
	}

	@Test
	void overridesAreMergedOverTheApplicationsSettings() {
		HostOverrides overrides = overrides(HostSetting.MADDY_CONFIG, "/srv/mail/maddy.conf", HostSetting.MADDY_ALIASES,
				"/srv/mail/aliases", HostSetting.MADDY_PREFIX, "", HostSetting.CADDYFILE, "/srv/web/Caddyfile",
				HostSetting.CADDY_WEB_ROOT, "/srv/web/www", HostSetting.CADDY_RELOAD, "caddy-cli",
				HostSetting.CADDY_UNIT, "caddy-api.service", HostSetting.SYSTEM_PREFIX, "doas -n",
				HostSetting.BACKUPS_DIR, "/var/backups/postern");
		ServerSettings settings = overrides.applyTo(this.application);
		assertThat(settings.remote()).isTrue();
		assertThat(settings.maddy().config()).isEqualTo(Path.of("/srv/mail/maddy.conf"));
		assertThat(settings.maddy().aliases()).isEqualTo(Path.of("/srv/mail/aliases"));
		assertThat(settings.maddy().commandPrefix()).isEmpty();
		assertThat(settings.caddy().caddyfile()).isEqualTo(Path.of("/srv/web/Caddyfile"));
		assertThat(settings.caddy().webRoot()).isEqualTo(Path.of("/srv/web/www"));
		assertThat(settings.caddy().reload()).isEqualTo(CaddyReload.CADDY_CLI);
		assertThat(settings.units().caddy()).isEqualTo("caddy-api.service");
		assertThat(settings.systemPrefix()).containsExactly("doas", "-n");
		assertThat(settings.backups().dir()).isEqualTo(Path.of("/var/backups/postern"));
		assertThat(settings.backups().keep()).isEqualTo(this.properties.backups().keep());
		// what is not overridden stays the application's
		assertThat(settings.maddy().binary()).isEqualTo(this.properties.maddy().binary());
		assertThat(settings.maddy().stateDir()).isEqualTo(this.properties.maddy().stateDir());
		assertThat(settings.maddy().certDir()).isEqualTo(this.properties.maddy().certDir());
		assertThat(settings.caddy().binary()).isEqualTo(this.properties.caddy().binary());
		assertThat(settings.caddy().dataDir()).isEqualTo(this.properties.caddy().dataDir());
		assertThat(settings.caddy().adminUrl()).isEqualTo(this.properties.caddy().adminUrl());
		assertThat(settings.units().maddy()).isEqualTo(this.properties.units().maddy());
		assertThat(overrides.overridden()).containsExactly(HostSetting.MADDY_CONFIG, HostSetting.MADDY_ALIASES,
				HostSetting.MADDY_PREFIX, HostSetting.CADDYFILE, HostSetting.CADDY_WEB_ROOT, HostSetting.CADDY_RELOAD,
				HostSetting.CADDY_UNIT, HostSetting.SYSTEM_PREFIX, HostSetting.BACKUPS_DIR);
	}

	@Test
	void aRemoteHostWithoutOverridesKeepsEverySettingButIsRemote() {
		ServerSettings settings = HostOverrides.NONE.applyTo(this.application);
		assertThat(settings.maddy()).isEqualTo(this.application.maddy());
		assertThat(settings.caddy()).isEqualTo(this.application.caddy());
		assertThat(settings.units()).isEqualTo(this.application.units());
		assertThat(settings.systemPrefix()).isEqualTo(this.application.systemPrefix());
		assertThat(this.application.remote()).isFalse();
		// the admin API strategy stays, for the reloader to refuse on a remote host
		assertThat(settings.remote()).isTrue();
		assertThat(settings.caddy().reload()).isEqualTo(CaddyReload.ADMIN_API);
	}

	@Test
	void theLocalHostHasTheApplicationsSettings() {
		LocalHost local = new LocalHost("local", this.properties.backups(), (event) -> {
		}, Clock.systemUTC());
		assertThat(ServerSettings.of(this.properties, local)).isEqualTo(this.application);
	}

	@Test
	void aRemoteHostCanOnlyReloadCaddyItself() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> overrides(HostSetting.CADDY_RELOAD, "admin-api").applyTo(this.application));
	}

	@Test
	void maddysPrefixAndExecutableAreReplaced() {
		HostOverrides overrides = overrides(HostSetting.MADDY_PREFIX, "doas -u mail", HostSetting.MADDY_BINARY,
				"/opt/maddy/bin/maddy");
		Command list = overrides.apply(this.catalogue.command(CommandKind.MADDY_CREDS_LIST, "/srv/mail/maddy.conf"));
		assertThat(list.argv()).containsExactly("doas", "-u", "mail", "/opt/maddy/bin/maddy", "--config",
				"/srv/mail/maddy.conf", "creds", "list");
		assertThat(list.kind()).isEqualTo(CommandKind.MADDY_CREDS_LIST);
		Command asUser = overrides(HostSetting.MADDY_PREFIX, "")
			.apply(this.catalogue.command(CommandKind.MADDY_IMAP_ACCT_LIST, "/etc/maddy/maddy.conf"));
		assertThat(asUser.argv()).containsExactly(this.properties.maddy().binary().toString(), "--config",
				"/etc/maddy/maddy.conf", "imap-acct", "list");
	}

	@Test
	void caddysExecutableIsReplacedAndItKeepsNoPrefix() {
		HostOverrides overrides = overrides(HostSetting.CADDY_BINARY, "/usr/bin/caddy", HostSetting.SYSTEM_PREFIX,
				"doas");
		Command validate = overrides.apply(this.catalogue.command(CommandKind.CADDY_VALIDATE, "/srv/web/Caddyfile"));
		assertThat(validate.argv()).containsExactly("/usr/bin/caddy", "validate", "--config", "/srv/web/Caddyfile",
				"--adapter", "caddyfile");
	}

	@Test
	void aHostPrefixReplacesTheSettingBeforeTheSystemTools() {
		HostOverrides overrides = overrides(HostSetting.SYSTEM_PREFIX, "doas -u admin", HostSetting.MADDY_BINARY,
				"/opt/maddy");
		Command reload = overrides.apply(this.catalogue.command(CommandKind.SYSTEMCTL_RELOAD, "caddy.service"));
		assertThat(reload.argv()).containsExactly("doas", "-u", "admin", "systemctl", "reload", "caddy.service");
		assertThat(reload.kind()).isEqualTo(CommandKind.SYSTEMCTL_RELOAD);
		assertThat(overrides.apply(this.catalogue.command(CommandKind.JOURNALCTL_TAIL, "maddy.service", "50")).argv())
			.startsWith("doas", "-u", "admin", "journalctl");
	}

	@Test
	void otherProgramsAndNoOverrideKeepTheirCommand() {
		HostOverrides everything = overrides(HostSetting.SYSTEM_PREFIX, "sudo", HostSetting.MADDY_PREFIX, "doas",
				HostSetting.MADDY_BINARY, "/opt/maddy", HostSetting.CADDY_BINARY, "/opt/caddy");
		Command uname = this.catalogue.command(CommandKind.UNAME);
		assertThat(everything.apply(uname).argv()).isEqualTo(uname.argv());
		Command show = this.catalogue.command(CommandKind.SYSTEMCTL_SHOW, "caddy.service");
		assertThat(HostOverrides.NONE.apply(show).argv()).isEqualTo(show.argv()).startsWith("sudo", "-n", "systemctl");
		Command maddy = this.catalogue.command(CommandKind.MADDY_CREDS_LIST, "/etc/maddy/maddy.conf");
		assertThat(overrides(HostSetting.SYSTEM_PREFIX, "doas").apply(maddy).argv()).isEqualTo(maddy.argv());
		Command ownTest = Command.of(Duration.ofSeconds(1), List.of("true"));
		assertThat(everything.apply(ownTest).argv()).containsExactly("true");
	}

	@Test
	void redactedArgumentsStillPointAtTheSecretAfterAPrefixOfAnotherLength() {
		// the address stands in for a secret word: 4 prefix words, binary, --config,
		// file,
		// creds, create, address
		Command create = this.catalogue
			.command(CommandKind.MADDY_CREDS_CREATE, "/etc/maddy/maddy.conf", "anna@example.org")
			.redacting(9);
		assertThat(create.displayArgv()).endsWith("******").doesNotContain("anna@example.org");
		Command longer = overrides(HostSetting.MADDY_PREFIX, "/usr/bin/sudo -n -E -H -u mail").apply(create);
		assertThat(longer.argv()).endsWith("anna@example.org");
		assertThat(longer.displayArgv()).startsWith("/usr/bin/sudo", "-n", "-E", "-H", "-u", "mail")
			.endsWith("create", "******")
			.doesNotContain("anna@example.org");
		Command none = overrides(HostSetting.MADDY_PREFIX, "", HostSetting.MADDY_BINARY, "/opt/maddy").apply(create);
		assertThat(none.displayArgv()).startsWith("/opt/maddy", "--config")
			.endsWith("create", "******")
			.doesNotContain("anna@example.org");
		Command again = overrides(HostSetting.MADDY_PREFIX, "doas").apply(longer);
		assertThat(again.displayArgv()).startsWith("doas", this.properties.maddy().binary().toString())
			.endsWith("******");
	}

}
