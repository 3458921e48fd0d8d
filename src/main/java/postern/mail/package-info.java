/**
 * Mail through maddy: its CLI ({@link postern.mail.MaddyCli}), local domains and
 * mailboxes (a mailbox is a login plus an IMAP account).
 */
package postern.mail;
