package postern.change;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import postern.host.Backup;
import postern.host.FileDiff;
import postern.host.FileSnapshot;
import postern.host.Host;
import postern.host.Hosts;
import postern.infrastructure.Paging;

import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/**
 * The backups the current host keeps, and their restore as an ordinary change: the
 * backup's bytes become the candidate of the file, previewed and applied like any other
 * edit (with the validators and reloaders that handle the file).
 */
@Service
public class BackupService {

	private final Hosts hosts;

	private final ChangeService changes;

	private final ChangeHandlers handlers;

	BackupService(Hosts hosts, ChangeService changes, ChangeHandlers handlers) {
		this.hosts = hosts;
		this.changes = changes;
		this.handlers = handlers;
	}

	/**
	 * Every kept backup, grouped by file.
	 * @return one group per file, by path, each newest first
	 */
	public List<BackupGroup> groups() {
		return grouped(byFile());
	}

	/**
	 * One page of the kept backups, by file then newest first: a page may hold the end of
	 * one file's backups and the start of the next one's.
	 * @param requested the page asked for, from 0; one beyond the end gives the last
	 * @param size the backups a page holds
	 * @return the page, with the count of every backup
	 */
	public Page<Backup> page(int requested, int size) {
		return Paging.page(byFile(), requested, size, Function.identity());
	}

	/**
	 * Backups in groups of one file each.
	 * @param backups backups ordered by file
	 * @return one group per file, in the order given
	 */
	public static List<BackupGroup> grouped(List<Backup> backups) {
		Map<Path, List<Backup>> byPath = new LinkedHashMap<>();
		for (Backup backup : backups) {
			byPath.computeIfAbsent(backup.path(), (path) -> new ArrayList<>()).add(backup);
		}
		return byPath.entrySet().stream().map((entry) -> new BackupGroup(entry.getKey(), entry.getValue())).toList();
	}

	private List<Backup> byFile() {
		return this.hosts.current()
			.backups()
			.stream()
			.sorted(Comparator.comparing(Backup::path).thenComparing(Comparator.comparing(Backup::takenAt).reversed()))
			.toList();
	}

	/**
	 * A backup and what restoring it would change.
	 * @param id the backup's id
	 * @return the backup and the diff from the current file to it
	 * @throws BackupNotFoundException when the host keeps no such backup
	 */
	public BackupComparison compare(String id) {
		Host host = this.hosts.current();
		Backup backup = backup(host, id);
		FileSnapshot current = host.read(backup.path());
		byte[] content = host.readBackup(backup);
		return new BackupComparison(backup, current.exists(),
				FileDiff.unified(backup.path(), current.content(), content));
	}

	/**
	 * The change that puts a backup's bytes back in its file.
	 * @param id the backup's id
	 * @return the request, made from the current file
	 * @throws BackupNotFoundException when the host keeps no such backup
	 */
	public ChangeRequest restoreRequest(String id) {
		Host host = this.hosts.current();
		Backup backup = backup(host, id);
		Path path = backup.path();
		FileSnapshot current = host.read(path);
		byte[] content = host.readBackup(backup);
		String validatorId = this.handlers.validatorOf(host, path).orElse(null);
		List<String> reloaderIds = this.handlers.reloadersOf(host, path);
		return new ChangeRequest("change.title.restore", List.of(path.toString(), backup.takenAt().toString()),
				"restore " + path + " from the backup of " + backup.takenAt(),
				List.of(new FileEdit(path, current, content, validatorId)), reloaderIds, "/backups/" + backup.id());
	}

	/**
	 * Preview the restore of a backup.
	 * @param id the backup's id
	 * @return the previewed change
	 * @throws BackupNotFoundException when the host keeps no such backup
	 */
	public Change previewRestore(String id) {
		return this.changes.preview(restoreRequest(id));
	}

	private static Backup backup(Host host, String id) {
		return host.backup(id).orElseThrow(() -> new BackupNotFoundException(id));
	}

	/**
	 * The backups of one file.
	 *
	 * @param path the file
	 * @param backups its backups, newest first
	 */
	public record BackupGroup(Path path, List<Backup> backups) {
	}

	/**
	 * A backup against the current file.
	 *
	 * @param backup the backup
	 * @param fileExists whether the file exists now
	 * @param diff the unified diff from the current content to the backup's (what a
	 * restore changes), empty when they are the same
	 */
	public record BackupComparison(Backup backup, boolean fileExists, String diff) {
	}

}
