/**
 * CSV import of mailboxes and aliases: the file read and checked line by line against the
 * server (a dry run that says what would be created, what exists and what is invalid),
 * then applied in order with each line's result.
 */
package postern.imports;
