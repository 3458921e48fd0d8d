package postern.host;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A copy of a managed file, taken just before Postern overwrote it.
 *
 * @param id an opaque id, safe in a URL
 * @param path the file it is a backup of
 * @param takenAt when it was taken
 * @param size its size in bytes
 */
public record Backup(String id, Path path, Instant takenAt, long size) {
}
