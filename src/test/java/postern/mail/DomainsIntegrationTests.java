package postern.mail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import postern.PosternIntegrationTests;
import postern.SystemBinaries;
import postern.change.ApplyOutcome;
import postern.change.Change;
import postern.change.ChangeService;
import postern.host.Hosts;
import postern.sites.MtaStsPolicy;
import postern.system.SystemdUnits;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Adding a mail domain on a server laid out as the reference one: maddy (the stand-in)
 * parses the candidate maddy.conf, the real {@code caddy validate} checks the new MTA-STS
 * site, maddy restarts and Caddy reloads (through the systemctl stand-in), and every byte
 * outside the edited lines stays the same.
 */
class DomainsIntegrationTests extends PosternIntegrationTests {

	@Autowired
	MailDomains domains;

	@Autowired
	MailDnsRecords dnsRecords;

	@Autowired
	ChangeService changes;

	@Autowired
	SystemdUnits units;

	@Autowired
	Hosts hosts;

	Path maddyConf = SERVER.resolve("etc/maddy/maddy.conf");

	Path caddyfile = SERVER.resolve("etc/caddy/Caddyfile");

	String maddyConfBefore;

	String caddyfileBefore;

	@BeforeEach
	void keepFiles() throws Exception {
		SystemBinaries.require("caddy", Path.of("/usr/bin/caddy"), Path.of("/usr/local/bin/caddy"));
		this.maddyConfBefore = read(this.maddyConf);
		this.caddyfileBefore = read(this.caddyfile);
	}

	@AfterEach
	void restoreFiles() throws Exception {
		Files.writeString(this.maddyConf, this.maddyConfBefore);
		Files.writeString(this.caddyfile, this.caddyfileBefore);
	}

	@Test
	void addADomainWithItsPolicySiteThenSeeItsRecords() throws Exception {
		Change change = this.domains.previewAdd("exemple.fr", true);
		assertThat(change.getReloaders()).containsExactly("maddy", "caddy");

		assertThat(this.changes.apply(change.getId())).isEqualTo(ApplyOutcome.APPLIED);

		String maddyConfAfter = read(this.maddyConf);
		assertThat(MailFixtures.changedLines(this.maddyConfBefore, maddyConfAfter))
			.containsExactly("$(local_domains) = $(primary_domain) cinay.eu yanfi.net ouestline.xyz rnmkcy.eu -> "
					+ "$(local_domains) = $(primary_domain) cinay.eu yanfi.net ouestline.xyz rnmkcy.eu exemple.fr");
		String caddyfileAfter = read(this.caddyfile);
		assertThat(caddyfileAfter).startsWith(this.caddyfileBefore).contains("mta-sts.exemple.fr {");
		assertThat(this.domains.list()).extracting(MailDomain::name).contains("exemple.fr");

		String served = MtaStsPolicy.servedBy(caddyfileAfter.getBytes(StandardCharsets.UTF_8), "exemple.fr")
			.orElseThrow();
		MailDnsSet dns = this.dnsRecords.recordsOf("exemple.fr");
		assertThat(dns.mtaStsServed()).isTrue();
		assertThat(dns.records()).extracting(DnsRecord::value)
			.contains("10 mx1.xoyize.xyz", "v=STSv1; id=" + MtaStsPolicy.idOf(served));
	}

	@Test
	void aCandidateMaddyRefusesIsNeverWrittenAndNothingRestarts() throws Exception {
		Files.writeString(this.maddyConf, this.maddyConfBefore + "\nno_such_directive on\n");
		String broken = read(this.maddyConf);
		String maddyUnit = read(SERVER.resolve("state/systemd/maddy.service"));

		Change change = this.domains.previewAdd("exemple.fr", false);

		assertThat(this.changes.find(change.getId()).isValid()).isFalse();
		assertThat(this.changes.apply(change.getId())).isEqualTo(ApplyOutcome.ROLLED_BACK);
		assertThat(read(this.maddyConf)).isEqualTo(broken);
		assertThat(read(SERVER.resolve("state/systemd/maddy.service"))).as("maddy was not restarted")
			.isEqualTo(maddyUnit);
	}

	@Test
	void removingADomainPreviewsOnlyItsWordAndKeepsThePrimary() {
		Change change = this.domains.previewRemove("ouestline.xyz");
		assertThat(this.changes.apply(change.getId())).isEqualTo(ApplyOutcome.APPLIED);
		assertThat(this.domains.list()).extracting(MailDomain::name)
			.containsExactly("xoyize.xyz", "cinay.eu", "yanfi.net", "rnmkcy.eu");
		assertThat(List.of(this.maddyConfBefore.split("\n")).size()).isEqualTo(readLines(this.maddyConf));
	}

	@Test
	void placeholdersAreResolvedFromTheEnvironmentOfMaddysUnitAndNeverTakenForNamesWithoutIt() throws Exception {
		Path unit = SERVER.resolve("state/systemd/maddy.service");
		String unitBefore = read(unit);
		Path environmentFile = SERVER.resolve("etc/maddy/environment");
		Files.writeString(this.maddyConf, CONTAINER_CONF);
		try {
			assertThat(this.domains.list()).isEmpty();
			assertThat(this.domains.overview().unknownVariables()).containsExactly("MADDY_DOMAIN");
			assertThat(this.domains.unknownMxHostVariable()).contains("MADDY_HOSTNAME");
			assertThatExceptionOfType(MailFileException.class)
				.isThrownBy(() -> this.domains.previewAdd("exemple.fr", true))
				.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("maddy-conf.env.mx-unknown"));
			assertThat(read(this.caddyfile)).isEqualTo(this.caddyfileBefore);

			Files.writeString(environmentFile, "# written for the container\nMADDY_DOMAIN=\"container.example\"\n");
			Files.writeString(unit, unitBefore + "Environment=MADDY_HOSTNAME=mx.container.example \"OTHER=a b\"\n"
					+ "EnvironmentFiles=" + environmentFile + " (ignore_errors=no)\n");
			// maddy takes a new environment when it starts again, and so does Postern
			restartMaddy();
			assertThat(this.domains.list()).extracting(MailDomain::name).containsExactly("container.example");
			assertThat(this.domains.list().get(0).primary()).isTrue();
			assertThat(this.domains.mxHost()).contains("mx.container.example");
			Change change = this.domains.previewAdd("exemple.fr", true);
			assertThat(change.getReloaders()).containsExactly("maddy", "caddy");
		}
		finally {
			Files.writeString(unit, unitBefore);
			Files.deleteIfExists(environmentFile);
			restartMaddy();
		}
	}

	private void restartMaddy() {
		assertThat(this.units.restartAndCheck(this.hosts.current(), "maddy.service").ok()).isTrue();
	}

	private static final String CONTAINER_CONF = """
			## maddy in a container: names come from the environment
			$(hostname) = {env:MADDY_HOSTNAME}
			$(primary_domain) = {env:MADDY_DOMAIN}
			$(local_domains) = $(primary_domain)

			storage.imapsql local_mailboxes {
			    dsn imapsql.db
			}

			msgpipeline local_routing {
			    destination postmaster $(local_domains) {
			        deliver_to &local_mailboxes
			    }
			    default_destination {
			        reject 550 5.1.1 "User doesn't exist"
			    }
			}
			""";

	private static int readLines(Path file) {
		try {
			return read(file).split("\n").length;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String read(Path file) throws Exception {
		return Files.readString(file, StandardCharsets.UTF_8);
	}

}
