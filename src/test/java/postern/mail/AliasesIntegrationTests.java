package postern.mail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import postern.PosternIntegrationTests;
import postern.change.ApplyOutcome;
import postern.change.Change;
import postern.change.ChangeRequest;
import postern.change.ChangeService;
import postern.change.FileEdit;
import postern.host.Hosts;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Aliases through the change pipeline on the real local host, over the server root's
 * aliases file: each edit changes its own line and nothing else.
 */
class AliasesIntegrationTests extends PosternIntegrationTests {

	@Autowired
	Aliases aliases;

	@Autowired
	ChangeService changes;

	@Autowired
	Hosts hosts;

	Path file = SERVER.resolve("etc/maddy/aliases");

	@Test
	void addEditAndRemoveEachTouchOnlyTheirLine() throws Exception {
		String before = read();
		String address = "sales" + System.nanoTime() + "@rnmkcy.eu";

		apply(this.aliases.previewAdd(address, List.of("yann@xoyize.xyz")));
		assertThat(read()).isEqualTo(before + address + ": yann@xoyize.xyz\n");

		apply(this.aliases.previewEdit(address, List.of("marie@yanfi.net", "yann@xoyize.xyz")));
		assertThat(read()).isEqualTo(before + address + ": marie@yanfi.net, yann@xoyize.xyz\n");

		apply(this.aliases.previewRemove(address));
		assertThat(read()).isEqualTo(before);
	}

	@Test
	void aCandidateMaddyWouldRejectIsNeverWritten() throws Exception {
		String before = read();
		Change change = this.changes.preview(ChangeRequest.titled(null, List.of(), "broken aliases",
				List.of(FileEdit.validated(this.hosts.current().read(this.file),
						(before + ": nobody@xoyize.xyz\n").getBytes(StandardCharsets.UTF_8), AliasesValidator.ID)),
				List.of()));

		assertThat(this.changes.apply(change.getId())).isEqualTo(ApplyOutcome.ROLLED_BACK);
		assertThat(read()).isEqualTo(before);
	}

	private void apply(Change change) {
		assertThat(this.changes.apply(change.getId())).isEqualTo(ApplyOutcome.APPLIED);
	}

	private String read() throws Exception {
		return Files.readString(this.file, StandardCharsets.UTF_8);
	}

}
