/**
 * The mailbox pages: list, search and paging, new, password, delete and repair.
 */
package postern.mail.web;
