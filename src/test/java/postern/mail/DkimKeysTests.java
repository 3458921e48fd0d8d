package postern.mail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import postern.TestProperties;
import postern.host.FileReads;
import postern.host.LocalHost;

import static org.assertj.core.api.Assertions.assertThat;

class DkimKeysTests {

	@TempDir
	Path state;

	private DkimKeys keys() {
		var properties = TestProperties.bind(Map.of("postern.maddy.state-dir", this.state.toString(),
				"postern.backups.dir", this.state.resolve("backups").toString()));
		LocalHost host = new LocalHost("test", properties.backups(), (event) -> {
		}, Clock.systemUTC());
		return new DkimKeys(() -> host, properties, new FileReads());
	}

	@Test
	void readsTheDnsFileMaddyWroteWithoutItsMissingNewline() throws Exception {
		Files.createDirectories(this.state.resolve("dkim_keys"));
		Files.writeString(this.state.resolve("dkim_keys/cinay.eu_default.dns"), "v=DKIM1; k=ed25519; p=AbC+/9=");

		assertThat(keys().find("cinay.eu")).get()
			.extracting(DkimRecord::name, DkimRecord::value)
			.containsExactly("default._domainkey.cinay.eu", "v=DKIM1; k=ed25519; p=AbC+/9=");
	}

	@Test
	void aKeyIsReadOnceWhileItsFileIsUnchangedAndAgainOnceMaddyRewroteIt() throws Exception {
		Path file = this.state.resolve("dkim_keys/cinay.eu_default.dns");
		Files.createDirectories(file.getParent());
		Files.writeString(file, "v=DKIM1; k=ed25519; p=AbC=");
		// older than a tick of the file system's clock, so its stamp tells every change
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
		DkimKeys keys = keys();

		DkimRecord first = keys.find("cinay.eu").orElseThrow();
		assertThat(keys.find("cinay.eu")).get().isSameAs(first);

		Files.writeString(file, "v=DKIM1; k=ed25519; p=NewKey9=");
		assertThat(keys.find("cinay.eu")).get()
			.extracting(DkimRecord::value)
			.isEqualTo("v=DKIM1; k=ed25519; p=NewKey9=");
	}

	@Test
	void aMissingKeyOrAFileThatIsNotAKeyGivesNothing() throws Exception {
		Files.createDirectories(this.state.resolve("dkim_keys"));
		Files.writeString(this.state.resolve("dkim_keys/yanfi.net_default.dns"), "<script>alert(1)</script>");

		assertThat(keys().find("rnmkcy.eu")).isEmpty();
		assertThat(keys().find("yanfi.net")).isEmpty();
		assertThat(keys().find("../../etc/passwd")).isEmpty();
	}

}
