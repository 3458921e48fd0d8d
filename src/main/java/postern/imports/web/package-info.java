/**
 * The import pages: upload, preview, apply, result and the one-time download of the
 * generated passwords.
 */
package postern.imports.web;
