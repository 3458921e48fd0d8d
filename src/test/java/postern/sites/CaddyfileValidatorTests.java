package postern.sites;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import postern.host.CommandResult;

import static org.assertj.core.api.Assertions.assertThat;

class CaddyfileValidatorTests {

	private static final Path CADDYFILE = Path.of("/etc/caddy/Caddyfile");

	private static final Path TEMPORARY = Path.of("/etc/caddy/.Caddyfile.postern-check-1");

	@Test
	void adminOptionIsReadFromTheGlobalOptionsOnly() {
		assertThat(admin("{\n\tadmin localhost:2019\n}\na.example.org {\n\tadmin x\n}\n"))
			.isEqualTo(admin("# comment\n{\n\temail a@example.org\n\tadmin   localhost:2019\n}\n"));
		assertThat(admin("{\n\tadmin localhost:2019\n}\n")).isNotEqualTo(admin("{\n\tadmin off\n}\n"));
		assertThat(admin("{\n\tadmin localhost:2019\n}\n")).isNotEqualTo(admin("a.example.org {\n}\n"));
		assertThat(admin("{\n\tadmin localhost:2019 {\n\t\torigins a\n\t}\n}\n"))
			.isNotEqualTo(admin("{\n\tadmin localhost:2019 {\n\t\torigins b\n\t}\n}\n"));
		assertThat(admin("a.example.org {\n")).isNull();
	}

	@Test
	void outputNamesTheRealFileAndDropsJsonLogLines() {
		Path temporary = Path.of("/etc/caddy/.Caddyfile.postern-check-1234");
		CommandResult result = new CommandResult(1, "",
				"{\"level\":\"info\",\"msg\":\"using provided configuration\"}\n"
						+ "Error: adapting config using caddyfile: /etc/caddy/.Caddyfile.postern-check-1234:3: unrecognized directive: file_servr\n",
				Duration.ZERO, false);
		assertThat(
				CaddyOutput.shown(result, temporary, Path.of("/etc/caddy/Caddyfile"), "a.example.org {\n}\n", Map.of()))
			.isEqualTo(
					"Error: adapting config using caddyfile: /etc/caddy/Caddyfile:3: unrecognized directive: file_servr");
	}

	@Test
	void outputWhenALineOfAFileOutsideTheFolderIsQuotedShowsOnlyWhere() {
		String error = "Error: adapting config using caddyfile: parsing caddyfile tokens for 'reverse_proxy':"
				+ " /etc/shadow:1 - Error during parsing: unrecognized subdirective root:*:20228:0:99999:7:::\n";
		String shown = CaddyOutput.shown(new CommandResult(1, "", error, Duration.ZERO, false), TEMPORARY, CADDYFILE,
				"a.example.org {\n\treverse_proxy {\n\t\timport /etc/shadow\n\t}\n}\n", Map.of());
		assertThat(shown).doesNotContain("root").doesNotContain("20228").contains("/etc/shadow:1");
	}

	@Test
	void outputWhenAnImportLeavesTheFolderDropsLinesThatCiteNoPlace() {
		String error = "Error: adapting config using caddyfile: ambiguous site definition: secret-value\n";
		String candidate = "a.example.org {\n\timport \"../../root/notes\"\n}\n";
		String shown = CaddyOutput.shown(new CommandResult(1, "", error, Duration.ZERO, false), TEMPORARY, CADDYFILE,
				candidate, Map.of());
		assertThat(shown).doesNotContain("secret-value");
		String inside = CaddyOutput.shown(new CommandResult(1, "", error, Duration.ZERO, false), TEMPORARY, CADDYFILE,
				"import sites/*.caddy\n", Map.of());
		assertThat(inside).contains("secret-value");
	}

	@Test
	void outputWhenAnImportInsideTheFolderIsRefusedShowsTheLine() {
		String error = "Error: adapting config using caddyfile: /etc/caddy/sites/a.caddy:2: unrecognized directive: x\n";
		assertThat(CaddyOutput.shown(new CommandResult(1, "", error, Duration.ZERO, false), TEMPORARY, CADDYFILE,
				"import sites/*.caddy\n", Map.of()))
			.contains("unrecognized directive: x");
	}

	@Test
	void outputNeverHoldsAValueOfCaddysEnvironment() {
		String error = "Error: adapting config using caddyfile: /etc/caddy/Caddyfile:2: unrecognized directive: tok-123456\n";
		assertThat(CaddyOutput.shown(new CommandResult(1, "", error, Duration.ZERO, false), TEMPORARY, CADDYFILE,
				"a {\n\t{$DNS_TOKEN}\n}\n", Map.of("DNS_TOKEN", "tok-123456")))
			.doesNotContain("tok-123456")
			.contains("{$DNS_TOKEN}");
	}

	private static String admin(String text) {
		return CaddyfileValidator.adminOption(text.getBytes(StandardCharsets.UTF_8));
	}

}
