package postern.sites;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import postern.sites.Caddyfile.Block;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading Postern's kinds from a realistic Caddyfile, and writing each kind so that the
 * installed Caddy accepts the file and no other block changes.
 */
class SiteBlocksTests {

	static final SiteBlocks.Style TABS = new SiteBlocks.Style("\t", "\n", CaddyVersions.OLD_BASIC_AUTH);

	@TempDir
	Path folder;

	/**
	 * The reference file without its heredoc and named route, which Caddy before 2.7
	 * cannot read.
	 */
	static Caddyfile validatable() {
		Caddyfile file = Caddyfile.parse(CaddyfileTests.reference());
		file = file.remove(file.block("heredoc.example.org").orElseThrow());
		return file.remove(file.block("&(app-route)").orElseThrow());
	}

	@Test
	void readsEachKindFromTheReferenceFile() {
		Caddyfile file = Caddyfile.parse(CaddyfileTests.reference());
		Site photos = read(file, "photos.example.org");
		assertThat(photos.kind()).isEqualTo(SiteKind.STATIC);
		assertThat(photos.root()).isEqualTo("/var/caddy/www/photos");
		assertThat(photos.browse()).isTrue();
		assertThat(photos.gzip()).isTrue();
		assertThat(photos.user().name()).isEqualTo("alice");
		assertThat(photos.user().hash()).startsWith("$2a$14$");
		Site photosNew = SiteBlocks.read(Caddyfile
			.parse(file.block("photos.example.org").orElseThrow().text().replace("basicauth", "basic_auth"))
			.blocks()
			.get(0));
		assertThat(photosNew).isEqualTo(photos);
		assertThat(read(file, "blog.example.org").kind()).isEqualTo(SiteKind.OTHER);
		assertThat(read(file, "example.org").addresses()).containsExactly("example.org", "www.example.org");
		assertThat(read(file, "static.example.eu").root()).isEqualTo("/var/caddy/www/static");
		Site app = read(file, "app.example.org");
		assertThat(app.kind()).isEqualTo(SiteKind.PROXY);
		assertThat(app.upstreams()).containsExactly("127.0.0.1:8080", "127.0.0.1:8081");
		assertThat(read(file, "old.example.org").kind()).isEqualTo(SiteKind.REDIRECT);
		Site policy = read(file, "mta-sts.example.com");
		assertThat(policy.kind()).isEqualTo(SiteKind.MTA_STS);
		assertThat(policy.policy().mx()).containsExactly("mail.example.org", "backup-mx.example.org");
		assertThat(read(file, "mta-sts.example.eu").policy().mode()).isEqualTo("enforce");
		assertThat(read(file, "http://tricky.example.org:8080").kind()).isEqualTo(SiteKind.OTHER);
		assertThat(read(file, "(security_headers)").kind()).isEqualTo(SiteKind.OTHER);
	}

	@Test
	void readsBothSpellingsOfBasicAuth() {
		for (String directive : List.of("basicauth", "basic_auth")) {
			Block block = Caddyfile
				.parse("a.example.org {\n\troot * /srv/a\n\t" + directive
						+ " {\n\t\tbob $2a$14$abc\n\t}\n\tfile_server\n}\n")
				.blocks()
				.get(0);
			assertThat(SiteBlocks.read(block).user()).isEqualTo(new Site.User("bob", "$2a$14$abc"));
		}
	}

	@Test
	void eachEditKindIsAcceptedByCaddyAndChangesOnlyItsBlock() throws Exception {
		Caddyfile file = validatable();
		assertThat(CaddyValidate.errors(this.folder, file.print())).isNull();
		List<Site> edits = List.of(
				new Site(SiteKind.STATIC, List.of("photos.example.org"), "/var/caddy/www/photos2", false, false,
						List.of(), null,
						new Site.User("carol", "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"), null),
				new Site(SiteKind.PROXY, List.of("app.example.org"), null, false, true, List.of("127.0.0.1:9090"), null,
						null, null),
				new Site(SiteKind.REDIRECT, List.of("old.example.org"), null, false, false, List.of(),
						"https://www.example.org/new", null, null),
				new Site(SiteKind.MTA_STS, List.of("mta-sts.example.net"), null, false, false, List.of(), null, null,
						new MtaStsPolicy("enforce", List.of("mail.example.org"), 1209600)));
		for (Site site : edits) {
			Block block = file.block(site.addresses().get(0)).orElseThrow();
			Caddyfile edited = file.replace(block, SiteBlocks.write(site, TABS));
			assertThat(CaddyValidate.errors(this.folder, edited.print())).as(site.kind().value()).isNull();
			assertOnlyBlockChanged(file, edited, file.blocks().indexOf(block));
			assertThat(SiteBlocks.read(Caddyfile.parse(edited.print()).blocks().get(file.blocks().indexOf(block))))
				.isEqualTo(site);
		}
	}

	@Test
	void newSitesOfEachKindAreAcceptedByCaddy() throws Exception {
		Caddyfile file = validatable();
		List<Site> added = List.of(
				new Site(SiteKind.STATIC, List.of("new.example.org", "www.new.example.org"), "/var/caddy/www/new", true,
						true, List.of(), null, null, null),
				new Site(SiteKind.PROXY, List.of("http://api.example.org:8088"), null, false, false,
						List.of("localhost:3000", "127.0.0.1:3001"), null, null, null),
				new Site(SiteKind.REDIRECT, List.of("go.example.org"), null, false, false, List.of(),
						"https://example.org", null, null),
				new Site(SiteKind.MTA_STS, List.of("mta-sts.example.info"), null, false, false, List.of(), null, null,
						new MtaStsPolicy("testing", List.of("mail.example.org", "mx2.example.org"), 86400)));
		for (Site site : added) {
			Caddyfile edited = file.append(SiteBlocks.write(site, TABS));
			assertThat(CaddyValidate.errors(this.folder, edited.print())).as(site.kind().value()).isNull();
			assertThat(edited.print()).startsWith(file.print());
			Caddyfile reread = Caddyfile.parse(edited.print());
			assertThat(SiteBlocks.read(reread.blocks().get(reread.blocks().size() - 1))).isEqualTo(site);
		}
	}

	@Test
	void mtaStsPolicyIsServedAsWrittenAndItsIdFollowsTheText() {
		MtaStsPolicy policy = new MtaStsPolicy("enforce", List.of("mail.example.org"), 604800);
		Site site = new Site(SiteKind.MTA_STS, List.of("mta-sts.example.info"), null, false, false, List.of(), null,
				null, policy);
		Caddyfile file = validatable().append(SiteBlocks.write(site, TABS));
		String served = MtaStsPolicy.servedBy(file.bytes(), "example.info").orElseThrow();
		assertThat(served).isEqualTo("version: STSv1\nmode: enforce\nmx: mail.example.org\nmax_age: 604800\n");
		assertThat(MtaStsPolicy.idOf(served)).isEqualTo(policy.id()).hasSize(20).matches("[0-9a-f]{20}");
		assertThat(new MtaStsPolicy("testing", List.of("mail.example.org"), 604800).id()).isNotEqualTo(policy.id());
		assertThat(MtaStsPolicy.servedBy(file.bytes(), "example.org")).hasValueSatisfying(
				(text) -> assertThat(MtaStsPolicy.parse(text).orElseThrow().mx()).containsExactly("mail.example.org"));
		assertThat(MtaStsPolicy.servedBy(file.bytes(), "nowhere.example")).isEmpty();
	}

	@Test
	void writesTheSpellingAndLayoutOfTheFile() {
		Site site = new Site(SiteKind.STATIC, List.of("a.example.org"), "/srv/a", false, false, List.of(), null,
				new Site.User("bob", "$2a$12$hash"), null);
		String text = SiteBlocks.write(site, new SiteBlocks.Style("    ", "\r\n", CaddyVersions.NEW_BASIC_AUTH));
		assertThat(text)
			.isEqualTo("a.example.org {\r\n    root * /srv/a\r\n    basic_auth {\r\n        bob $2a$12$hash\r\n"
					+ "    }\r\n    file_server\r\n}");
		assertThat(CaddyVersions.basicAuthDirective("2.6.2")).isEqualTo("basicauth");
		assertThat(CaddyVersions.basicAuthDirective("v2.8.4 h1:abc=")).isEqualTo("basic_auth");
		assertThat(CaddyVersions.basicAuthDirective("v2.9.1 h1:abc=")).isEqualTo("basic_auth");
		assertThat(CaddyVersions.basicAuthDirective("unknown")).isEqualTo("basicauth");
	}

	private static Site read(Caddyfile file, String id) {
		return SiteBlocks.read(file.block(id).orElseThrow());
	}

	private static void assertOnlyBlockChanged(Caddyfile before, Caddyfile after, int index) {
		assertThat(after.blocks()).hasSameSizeAs(before.blocks());
		for (int i = 0; i < before.blocks().size(); i++) {
			if (i != index) {
				assertThat(after.blocks().get(i).raw()).isEqualTo(before.blocks().get(i).raw());
			}
		}
		assertThat(after.blocks().get(index).leading()).isEqualTo(before.blocks().get(index).leading());
		assertThat(after.tail()).isEqualTo(before.tail());
	}

}
