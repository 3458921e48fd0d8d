/**
 * The audit log page.
 */
package postern.audit.web;
