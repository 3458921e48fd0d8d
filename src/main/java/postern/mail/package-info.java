/**
 * Mail on maddy: the local domains of {@code maddy.conf}, the aliases file, DKIM keys,
 * and mailboxes through maddy's command line.
 */
package postern.mail;
