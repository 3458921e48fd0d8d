/**
 * The pages of the change pipeline: a change's diff, validation and result log with Apply
 * and Discard, and the backups with their restore.
 */
package postern.change.web;
