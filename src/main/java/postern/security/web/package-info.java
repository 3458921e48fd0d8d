/**
 * The login page.
 */
package postern.security.web;
