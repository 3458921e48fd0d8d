/**
 * The pages of the mail feature: domains, mailboxes and aliases.
 */
package postern.mail.web;
