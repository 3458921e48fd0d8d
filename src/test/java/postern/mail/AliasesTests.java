package postern.mail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import postern.PosternProperties;
import postern.TestProperties;
import postern.host.CommandCatalogue;
import postern.host.FileReads;
import postern.host.Host;
import postern.host.LocalHost;

import org.springframework.data.domain.PageRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The aliases file on a real local host: additions under the file's lock, refused on a
 * domain that is not local, search and paging.
 */
class AliasesTests {

	@TempDir
	Path root;

	private Path aliasesFile;

	private Aliases aliases;

	private Host host;

	@BeforeEach
	void files() throws Exception {
		Path maddy = Files.createDirectories(this.root.resolve("etc/maddy"));
		Files.writeString(maddy.resolve("maddy.conf"), MailFixtures.read("maddy.conf"));
		this.aliasesFile = maddy.resolve("aliases");
		Files.writeString(this.aliasesFile, MailFixtures.read("aliases"));
		PosternProperties properties = properties();
		Host host = new LocalHost("test", properties.backups(), (event) -> {
		}, Clock.systemUTC());
		this.host = host;
		MailDomains domains = new MailDomains(() -> host, null, null, properties,
				new MaddyEnvironment(new CommandCatalogue(properties), Optional.empty()), new FileReads());
		this.aliases = new Aliases(() -> host, null, domains, properties, new FileReads());
	}

	private PosternProperties properties() {
		return TestProperties.bind(Map.of("postern.maddy.config", this.root.resolve("etc/maddy/maddy.conf").toString(),
				"postern.maddy.aliases", this.aliasesFile.toString(), "postern.backups.dir",
				this.root.resolve("backups").toString()));
	}

	@Test
	void fiftyConcurrentAdditionsGiveFiftyNewLinesAndAParseableFile() throws Exception {
		String before = Files.readString(this.aliasesFile);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> results = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			String alias = "list" + i + "@yanfi.net";
			results.add(pool.submit(() -> {
				start.await();
				this.host.edit(this.aliasesFile,
						(bytes) -> AliasesFile.parse(new String(bytes, StandardCharsets.UTF_8))
							.withAlias(alias, List.of("yann@xoyize.xyz"))
							.text()
							.getBytes(StandardCharsets.UTF_8));
				return null;
			}));
		}
		start.countDown();
		for (Future<?> result : results) {
			result.get();
		}
		pool.shutdown();

		String after = Files.readString(this.aliasesFile, StandardCharsets.UTF_8);
		assertThat(after).startsWith(before);
		assertThat(after.substring(before.length()).lines()).hasSize(50)
			.allMatch((line) -> line.matches("list[0-9]+@yanfi\\.net: yann@xoyize\\.xyz"));
		AliasesFile parsed = AliasesFile.parse(after);
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.aliases()).hasSize(9 + 50);
	}

	@Test
	void addingOnADomainThatIsNotLocalIsRefused() {
		assertThatExceptionOfType(MailFileException.class)
			.isThrownBy(() -> this.aliases.previewAdd("info@elsewhere.example", List.of("yann@xoyize.xyz")))
			.satisfies((ex) -> assertThat(ex.messageKey()).isEqualTo("aliases.domain-not-local"));
	}

	@Test
	void searchFindsByAliasOrTargetSortedByDomainAndPaged() {
		assertThat(this.aliases.search("marie", PageRequest.of(0, 10)).getContent()).extracting(Alias::address)
			.containsExactly("equipe@yanfi.net");
		assertThat(this.aliases.search(null, PageRequest.of(0, 4)).getContent()).extracting(Alias::domain)
			.containsExactly("cinay.eu", "cinay.eu", "ouestline.xyz", "ouestline.xyz");
		assertThat(this.aliases.search("@xoyize.xyz", PageRequest.of(1, 4)).getTotalElements()).isEqualTo(9);
		assertThat(this.aliases.countIn("yanfi.net")).isEqualTo(2);
	}

	@Test
	void aDomainsAliasesAreThoseAfterTheFirstAtInFileOrder() throws Exception {
		Files.writeString(this.aliasesFile, """
				b@cinay.eu: yann@xoyize.xyz
				x@xoyize.xyz: yann@xoyize.xyz
				odd@x@cinay.eu: yann@xoyize.xyz
				a@cinay.eu: yann@xoyize.xyz
				""");
		assertThat(this.aliases.inDomain("cinay.eu")).extracting(Alias::address)
			.containsExactly("b@cinay.eu", "a@cinay.eu");
		assertThat(this.aliases.inDomain("elsewhere.example")).isEmpty();
		assertThat(this.aliases.countsByDomain()).containsEntry("cinay.eu", 2L)
			.containsEntry("xoyize.xyz", 1L)
			.containsEntry("x@cinay.eu", 1L);
	}

	@Test
	void theViewsOfAFileKeptAcrossRequestsFollowAHandEdit() throws Exception {
		Files.setLastModifiedTime(this.aliasesFile, FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));
		List<Alias> before = this.aliases.inDomain("yanfi.net");
		assertThat(this.aliases.inDomain("yanfi.net")).isSameAs(before).hasSize(2);
		assertThat(this.aliases.search("marie", PageRequest.of(0, 10)).getContent()).hasSize(1);
		Files.writeString(this.aliasesFile, "contact@yanfi.net: marie@yanfi.net\n", StandardOpenOption.APPEND);
		assertThat(this.aliases.inDomain("yanfi.net")).extracting(Alias::address).endsWith("contact@yanfi.net");
		assertThat(this.aliases.countIn("yanfi.net")).isEqualTo(3);
		assertThat(this.aliases.search("marie", PageRequest.of(0, 10)).getContent()).hasSize(2);
	}

}
