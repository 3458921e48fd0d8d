package postern.audit.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command log's lines, made in Java: every text escaped as the template would.
 */
class CommandRowTests {

	@Test
	void everyTextIsEscaped() {
		CommandRow hostile = new CommandRow("2026-01-01T10:00:00Z\"", "2026-01-01 11:00:00", "<b>admin</b>",
				"127.0.0.1\" onmouseover=\"x", "mx1 & co", "maddy creds list '<script>alert(1)</script>'",
				"exit 1 in 3 ms", true);
		String html = CommandRow.tableRows(List.of(hostile));
		assertThat(html).doesNotContain("<b>", "<script>", "\" onmouseover", "mx1 & co")
			.contains("&lt;b&gt;admin&lt;/b&gt;", "&lt;script&gt;", "mx1 &amp; co", "&quot; onmouseover=",
					"&#39;&lt;script&gt;")
			.startsWith("<tr class=\"failed\"><td><time datetime=\"2026-01-01T10:00:00Z&quot;\">");
	}

	@Test
	void aLineThatSucceededHasNoClassAndAMissingAddressIsEmpty() {
		CommandRow row = new CommandRow("2026-01-01T10:00:00Z", "2026-01-01 11:00:00", "admin", null, "mx1",
				"systemctl show caddy.service", "exit 0 in 12 ms", false);
		assertThat(CommandRow.tableRows(List.of(row, row)))
			.isEqualTo(("<tr><td><time datetime=\"2026-01-01T10:00:00Z\">"
					+ "2026-01-01 11:00:00</time></td><td>admin</td><td></td><td>mx1</td>"
					+ "<td><code>systemctl show caddy.service</code></td><td>exit 0 in 12 ms</td></tr>\n")
				.repeat(2));
	}

}
