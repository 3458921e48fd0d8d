/**
 * The one way to touch a server: run a {@link postern.host.Command} from the catalogue,
 * read a file, and write it atomically with a backup and a conflict check.
 */
package postern.host;
