package postern.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnitEnvironmentTests {

	@Test
	void assignmentsOfSystemctlShowAreSplitOnSpacesOutsideQuotes() {
		assertThat(UnitEnvironment.assignments("MADDY_DOMAIN=example.org \"GREETING=hello world\" A=x\\\"y 1BAD=z"))
			.containsExactly(java.util.Map.entry("MADDY_DOMAIN", "example.org"),
					java.util.Map.entry("GREETING", "hello world"), java.util.Map.entry("A", "x\"y"));
	}

	@Test
	void anEnvironmentFilesLineGivesItsAbsolutePathOnly() {
		assertThat(UnitEnvironment.filePath("/etc/maddy/env (ignore_errors=yes)")).isEqualTo("/etc/maddy/env");
		assertThat(UnitEnvironment.filePath("relative/env (ignore_errors=no)")).isNull();
	}

	@Test
	void anEnvironmentFileSkipsCommentsAndUnquotesValues() {
		assertThat(UnitEnvironment.file("# comment\n; other\n\nMADDY_DOMAIN='example.org'\r\nHOST=\"mx.example.org\"\n"
				+ "no equals sign\n=empty\nPORT = 25\n"))
			.containsExactly(java.util.Map.entry("MADDY_DOMAIN", "example.org"),
					java.util.Map.entry("HOST", "mx.example.org"), java.util.Map.entry("PORT", "25"));
	}

}
