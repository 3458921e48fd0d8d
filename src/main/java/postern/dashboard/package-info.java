/**
 * The landing page: which server is managed, what Postern found on it and how to fix what
 * it did not, the units' state, and the latest audit events.
 */
package postern.dashboard;
