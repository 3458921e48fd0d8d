package postern.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import postern.audit.AuditLog;
import postern.change.ChangeReloader;
import postern.change.ReloadResult;
import postern.PosternProperties;
import postern.host.CommandCatalogue;
import postern.host.CommandKind;
import postern.host.ForwardingHost;
import postern.host.Host;
import postern.host.HostEvents.CommandRan;
import postern.host.ServerSettings;
import postern.system.Fail2banStatus.State;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * The system services through real processes: the stand-ins of systemctl, journalctl,
 * fail2ban-client and ufw in a temporary server root.
 */
class SystemServicesTests {

	@TempDir
	Path folder;

	private StandinServer server;

	private final AuditLog auditLog = mock(AuditLog.class);

	@BeforeEach
	void server() {
		this.server = new StandinServer(this.folder, Duration.ofSeconds(10));
	}

	private SystemdUnits systemd() {
		return new SystemdUnits(this.server.commands);
	}

	private UnitActions actions(ChangeReloader... reloaders) {
		return new UnitActions(this.server.commands, List.of(reloaders), this.server::host, this.auditLog,
				Optional.empty());
	}

	@Test
	void statusReadsTheUnitFromSystemctl() {
		Reading<UnitStatus> reading = systemd().read("caddy.service");
		assertThat(reading.ok()).isTrue();
		assertThat(reading.value().active()).isTrue();
		assertThat(reading.value().mainPid()).isEqualTo(812);
		assertThat(reading.outcome().command()).endsWith("standin systemctl show "
				+ "--property=LoadState,ActiveState,SubState,ActiveEnterTimestamp,MainPID,MemoryCurrent,NRestarts "
				+ "caddy.service");
		assertThat(systemd().read("nope.service").value().found()).isFalse();
	}

	@Test
	void statusIsReadAgainOnlyOnceItIsOldOrAfterAnAction() {
		AtomicLong now = new AtomicLong();
		SystemdUnits systemd = new SystemdUnits(this.server.commands, now::get);
		Reading<UnitStatus> first = systemd.read(ServiceUnit.CADDY);

		now.addAndGet(SystemdUnits.FRESH.toNanos() - 1);
		assertThat(systemd.read(ServiceUnit.CADDY)).isSameAs(first);
		assertThat(systemd.read(ServiceUnit.MADDY).value().unit()).isEqualTo("maddy.service");

		now.addAndGet(1);
		Reading<UnitStatus> later = systemd.read(ServiceUnit.CADDY);
		assertThat(later).isNotSameAs(first);
		assertThat(later.value().mainPid()).isEqualTo(812);
		assertThat(systemd.read(ServiceUnit.CADDY)).isSameAs(later);

		actions().restart(ServiceUnit.CADDY);
		assertThat(systemd.read(ServiceUnit.CADDY)).isNotSameAs(later);
	}

	@Test
	void statusWhenSystemctlHangsIsKilledAtTheTimeout() {
		this.server = new StandinServer(this.folder, Duration.ofMillis(500));
		this.server.hang("systemctl");
		long started = System.nanoTime();
		Reading<UnitStatus> reading = systemd().read("caddy.service");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));
		assertThat(reading.timedOut()).isTrue();
		assertThat(reading.ok()).isFalse();
		assertThat(reading.value().known()).isFalse();
	}

	@Test
	void reloadRunsSystemctlRecordsItAndRemembersIt() {
		UnitAction action = actions().reload(ServiceUnit.MADDY);
		assertThat(action.ok()).isTrue();
		assertThat(action.exitCode()).isZero();
		assertThat(action.command()).endsWith("systemctl reload maddy.service");
		assertThat(this.server.read("journal/maddy.service")).contains("Reloaded maddy.service.");
		verify(this.auditLog).record(eq("service.reload"), eq("maddy.service"), eq(true),
				contains("systemctl reload maddy.service\nexit 0"));
	}

	@Test
	void reloadWhenItFailsShowsTheOutputAndExitCode() {
		this.server.write("systemd/caddy.service", "failing-reload\n");
		UnitActions actions = actions();
		UnitAction action = actions.reload(ServiceUnit.CADDY);
		assertThat(action.ok()).isFalse();
		assertThat(action.exitCode()).isEqualTo(1);
		assertThat(action.output()).contains("Job for caddy.service failed");
		assertThat(actions.last(ServiceUnit.CADDY)).contains(action);
		assertThat(actions.last(ServiceUnit.MADDY)).isEmpty();
		verify(this.auditLog).record(eq("service.reload"), eq("caddy.service"), eq(false), contains("exit 1"));
	}

	@Test
	void restartStartsANewProcess() {
		UnitAction action = actions().restart(ServiceUnit.MADDY);
		assertThat(action.ok()).isTrue();
		assertThat(action.command()).endsWith("systemctl restart maddy.service");
		assertThat(systemd().read("maddy.service").value().mainPid()).isEqualTo(846);
		verify(this.auditLog).record(eq("service.restart"), eq("maddy.service"), eq(true), contains("exit 0"));
	}

	@Test
	void caddyReloadUsesTheCaddyReloaderWhenThereIsOne() {
		ChangeReloader caddy = new ChangeReloader() {

			@Override
			public String id() {
				return "caddy";
			}

			@Override
			public ReloadResult reload(Host host) {
				return ReloadResult.succeeded("caddy reload --config Caddyfile\nexit 0");
			}

		};
		UnitAction action = actions(caddy).reload(ServiceUnit.CADDY);
		assertThat(action.ok()).isTrue();
		assertThat(action.command()).isEqualTo("caddy reload (postern.caddy.reload=systemctl)");
		assertThat(action.exitCode()).isNull();
		assertThat(action.output()).contains("caddy reload --config Caddyfile");
		assertThat(this.server.read("journal/caddy.service")).doesNotContain("Reloaded caddy.service.");
		UnitAction maddy = actions(caddy).reload(ServiceUnit.MADDY);
		assertThat(maddy.command()).endsWith("systemctl reload maddy.service");
	}

	/**
	 * A host whose units are named otherwise: the status, journal and actions of each
	 * server ask for that host's units, read when they run.
	 */
	@Test
	void aHostWithUnitsOfItsOwnIsAskedAboutThem() {
		Host own = new ForwardingHost(this.server.host) {

			@Override
			public ServerSettings settings(ServerSettings application) {
				return new ServerSettings(application.maddy(), application.caddy(),
						new PosternProperties.Units("caddy-web.service", "mail.service"), application.systemPrefix(),
						application.backups(), true);
			}

		};
		SystemCommands commands = new SystemCommands(() -> own, new CommandCatalogue(this.server.properties),
				this.server.properties);
		assertThat(new SystemdUnits(commands).read(ServiceUnit.CADDY).outcome().command())
			.endsWith(" caddy-web.service");
		assertThat(new Journal(commands).tail(ServiceUnit.MADDY, 50, "").outcome().command())
			.contains(" -u mail.service ");
		UnitAction restart = new UnitActions(commands, List.of(), () -> own, this.auditLog, Optional.empty())
			.restart(ServiceUnit.MADDY);
		assertThat(restart.unitName()).isEqualTo("mail.service");
		assertThat(new SystemdUnits(this.server.commands).read(ServiceUnit.CADDY).outcome().command())
			.endsWith(" caddy.service");
	}

	@Test
	void journalTailFiltersInPostern() {
		Journal journal = new Journal(this.server.commands);
		JournalTail all = journal.tail("maddy.service", 50, "");
		assertThat(all.ok()).isTrue();
		assertThat(all.entries()).hasSize(5);
		assertThat(all.outcome().command()).endsWith("journalctl -u maddy.service -n 50 --no-pager -o short-iso");
		JournalTail filtered = journal.tail("maddy.service", 50, "Authentication FAILED");
		assertThat(filtered.entries()).singleElement()
			.satisfies((line) -> assertThat(line.message()).contains("203.0.113.7"));
		assertThat(filtered.read()).isEqualTo(5);
		assertThat(journal.tail("nope.service", 5000, null).entries()).singleElement()
			.satisfies((line) -> assertThat(line.noEntries()).isTrue());
		assertThat(journal.tail("nope.service", 5000, null).lines()).isEqualTo(1000);
		assertThat(journal.tail("nope.service", 1, null).lines()).isEqualTo(50);
	}

	@Test
	void fail2banStatusReadsEveryJail() {
		Fail2banStatus status = new Fail2ban(this.server.commands, this.auditLog).status();
		assertThat(status.state()).isEqualTo(State.RUNNING);
		assertThat(status.jails()).extracting(JailStatus::name)
			.containsExactly("maddy-auth", "maddy-dictonary-attack", "sshd");
		assertThat(status.jails().get(0).banned()).containsExactly("203.0.113.7", "2001:db8::66");
		assertThat(status.jails().get(1).banned()).isEmpty();
		assertThat(status.currentlyBanned()).isEqualTo(3);
	}

	@Test
	void fail2banUnbanLiftsTheBanAndIsAudited() {
		Fail2ban fail2ban = new Fail2ban(this.server.commands, this.auditLog);
		CommandOutcome outcome = fail2ban.unban("maddy-auth", "2001:db8::66");
		assertThat(outcome.ok()).isTrue();
		assertThat(outcome.stdout().strip()).isEqualTo("1");
		assertThat(fail2ban.status().jails().get(0).banned()).containsExactly("203.0.113.7");
		verify(this.auditLog).record(eq("fail2ban.unban"), eq("2001:db8::66 in maddy-auth"), eq(true),
				contains("fail2ban-client set maddy-auth unbanip 2001:db8::66"));
		assertThatIllegalArgumentException().isThrownBy(() -> fail2ban.unban("maddy-auth", "--all"));
		assertThat(Fail2ban.valid("maddy-auth", "203.0.113.7")).isTrue();
		assertThat(Fail2ban.valid("maddy-auth", "nobody")).isFalse();
	}

	@Test
	void fail2banIsReadAgainOnlyOnceItIsOldOrAfterAnUnban() {
		AtomicLong now = new AtomicLong();
		Fail2ban fail2ban = new Fail2ban(this.server.commands, this.auditLog, now::get);
		Fail2banStatus first = fail2ban.status();
		assertThat(ran(CommandKind.FAIL2BAN_STATUS)).isEqualTo(1);
		assertThat(ran(CommandKind.FAIL2BAN_JAIL_STATUS)).isEqualTo(3);

		this.server.write("fail2ban/sshd", "198.51.100.23\n");
		now.addAndGet(RecentReadings.FRESH.toNanos() - 1);
		Recent<Fail2banStatus> again = fail2ban.recentStatus();
		assertThat(again.value()).isSameAs(first);
		assertThat(again.age()).isEqualTo(RecentReadings.FRESH.minusNanos(1));
		assertThat(ran(CommandKind.FAIL2BAN_STATUS)).isEqualTo(1);
		assertThat(ran(CommandKind.FAIL2BAN_JAIL_STATUS)).isEqualTo(3);

		fail2ban.unban("maddy-auth", "203.0.113.7");
		Fail2banStatus afterUnban = fail2ban.status();
		assertThat(afterUnban.jails().get(0).banned()).containsExactly("2001:db8::66");
		assertThat(afterUnban.jails().get(2).banned()).containsExactly("198.51.100.23");
		assertThat(fail2ban.recentStatus().age()).isZero();

		this.server.delete("fail2ban/sshd");
		now.addAndGet(RecentReadings.FRESH.toNanos());
		assertThat(fail2ban.status().jails()).extracting(JailStatus::name)
			.containsExactly("maddy-auth", "maddy-dictonary-attack");
		assertThat(ran(CommandKind.FAIL2BAN_STATUS)).isEqualTo(3);
	}

	@Test
	void requestsThatComeWhileFail2banIsReadWaitForThatRead() throws Exception {
		this.server = new StandinServer(this.folder, Duration.ofMillis(700));
		this.server.hang("fail2ban-client");
		Fail2ban fail2ban = new Fail2ban(this.server.commands, this.auditLog);
		ExecutorService requests = Executors.newFixedThreadPool(20);
		try {
			List<Future<Fail2banStatus>> views = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				views.add(requests.submit(fail2ban::status));
			}
			for (Future<Fail2banStatus> view : views) {
				assertThat(view.get(10, TimeUnit.SECONDS).outcome().timedOut()).isTrue();
			}
		}
		finally {
			requests.shutdownNow();
		}
		assertThat(ran(CommandKind.FAIL2BAN_STATUS)).isEqualTo(1);
	}

	@Test
	void fail2banWhenMissingOrStoppedSaysSo() {
		AtomicLong now = new AtomicLong();
		Fail2ban fail2ban = new Fail2ban(this.server.commands, this.auditLog, now::get);
		this.server.write("fail2ban/stopped", "");
		assertThat(fail2ban.status().state()).isEqualTo(State.NOT_RUNNING);
		this.server.delete("fail2ban");
		now.addAndGet(RecentReadings.FRESH.toNanos());
		Fail2banStatus missing = fail2ban.status();
		assertThat(missing.state()).isEqualTo(State.NOT_INSTALLED);
		assertThat(missing.jails()).isEmpty();
	}

	@Test
	void firewallReportWarnsAboutTheMissingPort() {
		AtomicLong now = new AtomicLong();
		Firewall firewall = new Firewall(this.server.commands, this.server.properties, now::get);
		FirewallReport report = firewall.report();
		assertThat(report.ok()).isTrue();
		assertThat(report.status().active()).isTrue();
		assertThat(report.status().rules()).hasSize(10);
		assertThat(report.closedPorts()).containsExactly(465);
		this.server.delete("ufw/enabled");
		now.addAndGet(RecentReadings.FRESH.toNanos());
		FirewallReport off = firewall.report();
		assertThat(off.status().active()).isFalse();
		assertThat(off.closedPorts()).isEmpty();
		this.server.delete("ufw");
		now.addAndGet(RecentReadings.FRESH.toNanos());
		FirewallReport missing = firewall.report();
		assertThat(missing.ok()).isFalse();
		assertThat(missing.notInstalled()).isTrue();
	}

	@Test
	void firewallIsReadAgainOnlyOnceItIsOldOrAfterAnAction() {
		AtomicLong now = new AtomicLong();
		Firewall firewall = new Firewall(this.server.commands, this.server.properties, now::get);
		FirewallReport first = firewall.report();
		this.server.delete("ufw/enabled");
		now.addAndGet(RecentReadings.FRESH.toNanos() - 1);
		assertThat(firewall.report()).isSameAs(first);
		assertThat(ran(CommandKind.UFW_STATUS)).isEqualTo(1);

		actions().reload(ServiceUnit.MADDY);
		assertThat(firewall.report().status().active()).isFalse();
		assertThat(ran(CommandKind.UFW_STATUS)).isEqualTo(2);
	}

	/**
	 * How many commands of a kind the stand-ins ran.
	 */
	private long ran(CommandKind kind) {
		return this.server.events.stream()
			.filter((event) -> event instanceof CommandRan command && command.kind() == kind)
			.count();
	}

}
