package postern.sites;

import java.nio.file.Path;

/**
 * A Caddyfile Postern cannot read as blocks, shown as text.
 *
 * @param path the file
 * @param line where Postern stopped, from 1
 * @param expected what Postern expected there
 * @param text the whole file
 * @param caddyAccepts whether {@code caddy validate} accepts the file
 * @param caddySays what {@code caddy validate} said
 */
public record UnreadableCaddyfile(Path path, int line, String expected, String text, boolean caddyAccepts,
		String caddySays) {
}
