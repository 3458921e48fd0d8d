package postern.change;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import postern.host.FileSnapshot;
import postern.host.Host;
import postern.host.Hosts;

import org.springframework.test.util.ReflectionTestUtils;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Stored changes for the web tests, built as the service would store them.
 */
public final class ChangeFixtures {

	private ChangeFixtures() {
	}

	/**
	 * A previewed change of the Caddyfile, validated, with an id.
	 * @param id its id
	 * @param valid what its validator said
	 * @return the change
	 */
	/**
	 * Make a mocked {@link Hosts} answer with a host of that name, as the layout asks.
	 * @param hosts a Mockito mock
	 * @param name the host's name
	 */
	public static void currentHostNamed(Hosts hosts, String name) {
		Host host = mock(Host.class);
		given(host.name()).willReturn(name);
		given(hosts.current()).willReturn(host);
	}

	public static Change previewed(long id, boolean valid) {
		Path caddyfile = Path.of("/etc/caddy/Caddyfile");
		FileSnapshot before = FileSnapshot.of(caddyfile, "a.example {\n\tfile_server\n}\n".getBytes(), "root", "caddy",
				0640);
		byte[] after = "a.example {\n\tfile_server\n\tencode gzip\n}\n".getBytes();
		FileEdit edit = FileEdit.validated(before, after, "caddyfile");
		ChangeRequest request = ChangeRequest.titled("change.title.restore",
				List.of(caddyfile.toString(), "2026-11-25T10:00:00Z"), "restore", List.of(edit), List.of("caddy"));
		Change change = new Change(request, "vps", Instant.parse("2026-11-25T11:00:00Z"));
		ChangeFile file = new ChangeFile(edit, postern.host.FileDiff.unified(caddyfile, before.content(), after));
		file.validated(valid ? ValidationResult.valid("Valid configuration")
				: ValidationResult.invalid("Caddyfile:3: unrecognized directive: encode_gzip"));
		change.addFile(file);
		ReflectionTestUtils.setField(change, "id", id);
		return change;
	}

	/**
	 * A change that was rolled back after a failed reload.
	 * @param id its id
	 * @return the change
	 */
	public static Change rolledBack(long id) {
		Change change = previewed(id, true);
		Instant at = Instant.parse("2026-11-25T11:01:00Z");
		change.addStep(new ChangeStep(at, true, "change.step.written", List.of("/etc/caddy/Caddyfile"), null));
		change.addStep(new ChangeStep(at, false, "change.step.reload-failed", List.of("caddy"),
				"Job for caddy.service failed"));
		change.addStep(new ChangeStep(at, true, "change.step.rolled-back", List.of(), null));
		change.moveTo(ChangeState.ROLLED_BACK, at);
		return change;
	}

}
