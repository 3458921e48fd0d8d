package postern.mail;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import postern.PosternProperties;
import postern.TestServerRoot;
import postern.audit.AuditLog;
import postern.host.CommandCatalogue;
import postern.host.Host;
import postern.host.LocalHost;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * 10 000 mailboxes: listed once through the stand-in, then paged, filtered and counted in
 * Postern without asking maddy again.
 */
class MailboxesLargeListTests {

	@TempDir
	Path folder;

	@Test
	void tenThousandMailboxesArePagedFilteredAndCountedFast() {
		TestServerRoot root = TestServerRoot.createIn(this.folder);
		MaddyStandin standin = new MaddyStandin(root);
		StringBuilder credentials = new StringBuilder();
		StringBuilder accounts = new StringBuilder();
		String[] domains = { "xoyize.xyz", "cinay.eu", "yanfi.net", "ouestline.xyz", "rnmkcy.eu" };
		for (int i = 0; i < 10_000; i++) {
			String address = "user" + i + "@" + domains[i % domains.length];
			if (i % 1000 != 7) {
				credentials.append(address).append("\tstandin-sha256:0\n");
			}
			accounts.append(address).append('\n');
		}
		standin.write("credentials", credentials.toString());
		standin.write("imap-accounts", accounts.toString());
		Mailboxes mailboxes = mailboxes(root);

		long start = System.nanoTime();
		List<Mailbox> all = mailboxes.all();
		long listed = System.nanoTime();
		Page<Mailbox> page = mailboxes.find("cinay.eu", "user99", PageRequest.of(1, 50));
		long counted = 0;
		for (String domain : domains) {
			counted += mailboxes.countIn(domain);
		}
		Page<Mailbox> last = mailboxes.find(null, null, PageRequest.of(199, 50));
		long done = System.nanoTime();

		assertThat(all).hasSize(10_000);
		assertThat(counted).isEqualTo(10_000);
		assertThat(page.getTotalElements()).isEqualTo(
				all.stream().filter((m) -> m.domain().equals("cinay.eu") && m.address().contains("user99")).count());
		assertThat(page.getContent()).hasSizeLessThanOrEqualTo(50)
			.allSatisfy((mailbox) -> assertThat(mailbox.address()).contains("user99").endsWith("@cinay.eu"));
		assertThat(last.getContent()).hasSize(50);
		assertThat(last.isLast()).isTrue();
		assertThat(all.stream().filter((mailbox) -> mailbox.state() == Mailbox.State.NO_CREDENTIALS)).hasSize(10);
		assertThat(standin.callLog().lines()).hasSize(2);
		assertThat((listed - start) / 1_000_000).as("ms to list 10 000 mailboxes").isLessThan(3_000);
		assertThat((done - listed) / 1_000_000).as("ms to page, filter and count").isLessThan(500);
	}

	@Test
	void aDomainsMailboxesAndASearchAreDerivedOncePerListAndFollowTheNextList() {
		TestServerRoot root = TestServerRoot.createIn(this.folder);
		MaddyStandin standin = new MaddyStandin(root);
		standin.write("credentials", "a@cinay.eu\tstandin-sha256:0\nb@xoyize.xyz\tstandin-sha256:0\n");
		standin.write("imap-accounts", "a@cinay.eu\nb@xoyize.xyz\n");
		Mailboxes mailboxes = mailboxes(root);

		List<Mailbox> cinay = mailboxes.inDomain("cinay.eu");
		assertThat(cinay).extracting(Mailbox::address).containsExactly("a@cinay.eu");
		assertThat(mailboxes.inDomain("cinay.eu")).isSameAs(cinay);
		assertThat(mailboxes.find("", "b@", PageRequest.of(0, 10)).getContent()).extracting(Mailbox::address)
			.containsExactly("b@xoyize.xyz");

		standin.write("credentials",
				"a@cinay.eu\tstandin-sha256:0\nb@cinay.eu\tstandin-sha256:0\n" + "b@xoyize.xyz\tstandin-sha256:0\n");
		standin.write("imap-accounts", "a@cinay.eu\nb@cinay.eu\nb@xoyize.xyz\n");
		mailboxes.invalidate();
		assertThat(mailboxes.inDomain("cinay.eu")).extracting(Mailbox::address)
			.containsExactly("a@cinay.eu", "b@cinay.eu");
		assertThat(mailboxes.countsByDomain()).containsEntry("cinay.eu", 2L).containsEntry("xoyize.xyz", 1L);
		assertThat(mailboxes.find("", "b@", PageRequest.of(0, 10)).getContent()).extracting(Mailbox::address)
			.containsExactly("b@cinay.eu", "b@xoyize.xyz");
		assertThat(mailboxes.find("cinay.eu", "b@", PageRequest.of(0, 10)).getTotalElements()).isEqualTo(1);
	}

	private static Mailboxes mailboxes(TestServerRoot root) {
		PosternProperties.Maddy maddy = new PosternProperties.Maddy(root.resolve("standins/maddy-standin"),
				root.resolve("etc/maddy/maddy.conf"), root.resolve("etc/maddy/aliases"), root.resolve("var/lib/maddy"),
				root.resolve("etc/maddy/certs"), List.of());
		PosternProperties.Backups backups = new PosternProperties.Backups(root.resolve("data/backups"), 5);
		PosternProperties properties = new PosternProperties(root.resolve("data"), maddy, null, null, null, backups,
				null, null, null, null);
		Host host = new LocalHost("test", backups, (event) -> {
		}, Clock.systemUTC());
		MaddyCli cli = new MaddyCli(() -> host, new CommandCatalogue(properties), properties);
		return new Mailboxes(cli, mock(AuditLog.class), () -> host, Optional.empty());
	}

}
