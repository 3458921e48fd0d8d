package postern.sites;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import postern.host.CommandResult;

import static org.assertj.core.api.Assertions.assertThat;

class CaddyfileValidatorTests {

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
		assertThat(CaddyfileValidator.output(result, temporary, Path.of("/etc/caddy/Caddyfile"))).isEqualTo(
				"Error: adapting config using caddyfile: /etc/caddy/Caddyfile:3: unrecognized directive: file_servr");
	}

	private static String admin(String text) {
		return CaddyfileValidator.adminOption(text.getBytes(StandardCharsets.UTF_8));
	}

}
