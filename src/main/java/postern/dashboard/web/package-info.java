/**
 * The dashboard page and its units fragment.
 */
package postern.dashboard.web;
