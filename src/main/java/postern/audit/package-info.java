/**
 * The audit log: who did what, when, from where, on which host, with the diff and the
 * commands run. Never a secret.
 */
package postern.audit;
