/**
 * The login pages (password, then the second factor), the account page and the admins
 * page.
 */
package postern.security.web;
