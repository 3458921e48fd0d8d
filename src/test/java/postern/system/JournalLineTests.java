package postern.system;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JournalLineTests {

	@Test
	void parseSampleReadsTimeHostIdentifierAndMessage() {
		List<JournalLine> lines = JournalLine.parse(Samples.read("journalctl-short-iso.txt"));
		assertThat(lines).hasSize(7);
		assertThat(lines.get(0)).isEqualTo(new JournalLine("2026-11-25T09:58:01+00:00", "mx1", "systemd[1]",
				"Reloading caddy.service - Caddy...", false));
		assertThat(lines.get(1).identifier()).isEqualTo("caddy[812]");
		assertThat(lines.get(1).message()).startsWith("{\"level\":\"info\"")
			.contains("\"file\":\"/etc/caddy/Caddyfile\"");
		assertThat(lines.get(4).marker()).isTrue();
		assertThat(lines.get(4).message()).startsWith("-- Boot ");
		assertThat(lines.get(6).identifier()).isEqualTo("kernel");
		assertThat(lines.get(6).message()).startsWith("[UFW BLOCK]");
	}

	@Test
	void parseWhenNoEntriesIsOneMarker() {
		List<JournalLine> lines = JournalLine.parse(Samples.read("journalctl-no-entries.txt"));
		assertThat(lines).singleElement().satisfies((line) -> assertThat(line.noEntries()).isTrue());
	}

	@Test
	void parseKeepsOddLinesAsTheirText() {
		assertThat(JournalLine.parseLine("    continuation of a multi-line message"))
			.isEqualTo(new JournalLine("", "", "", "    continuation of a multi-line message", false));
		assertThat(JournalLine.parseLine("2026-11-25T09:58:01+0000 mx1 caddy[1]: older offset"))
			.extracting(JournalLine::time, JournalLine::message)
			.containsExactly("2026-11-25T09:58:01+0000", "older offset");
	}

	@Test
	void containsIgnoresCaseAndBlankMatchesAll() {
		JournalLine line = JournalLine.parseLine("2026-11-25T10:12:44+00:00 mx1 caddy[812]: could not get certificate");
		assertThat(line.contains("CERTIFICATE")).isTrue();
		assertThat(line.contains("caddy[812]")).isTrue();
		assertThat(line.contains("maddy")).isFalse();
		assertThat(line.contains(" ")).isTrue();
		assertThat(line.contains(null)).isTrue();
	}

}
